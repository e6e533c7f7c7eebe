package nl.ketenzicht.imports;

import java.nio.file.Path;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Reads a stored file once from end to end before any job exists: a file whose type, header,
 * cells or size make it unusable is refused as a whole with one problem, and nothing is stored.
 * Row by row problems are left to the preview, which reports them per row and column.
 */
final class FileScan {

    private FileScan() {}

    /** The number of data rows (blank rows not counted). */
    static int rows(Path file, FileType type, ImportLimits limits, ImportTemplate template) {
        int rows = 0;
        try (SheetRows sheet = type.open(file, limits)) {
            FileHeader.of(sheet.header(), template);
            while (sheet.hasNext()) {
                if (!sheet.next().blank() && ++rows > limits.maxRows()) {
                    throw FileProblems.unusable(
                            MessageCode.IMPORT_TOO_MANY_ROWS,
                            Map.of("max", limits.maxRows()),
                            "The file has more than " + limits.maxRows() + " rows; split it.");
                }
            }
        }
        if (rows == 0) {
            throw FileProblems.unusable(MessageCode.IMPORT_NO_DATA_ROWS, "The file has a header but no rows.");
        }
        return rows;
    }
}
