package nl.ketenzicht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import nl.ketenzicht.shared.problem.MessageCode;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX workbook, streamed by fastexcel-reader (the sheet is never held in
 * memory). Before the workbook is opened, the archive is inflated once to count what it really
 * expands to: declared sizes in a zip can lie. A formula is refused rather than evaluated: the value
 * a partner saw is not in the file, and a formula can be an injection.
 */
final class XlsxRows implements SheetRows {

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final List<String> header;
    private SourceRow next;

    private XlsxRows(ReadableWorkbook workbook, Stream<Row> stream) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        SourceRow first = advance();
        if (first == null) {
            close();
            throw FileProblems.unusable(
                    MessageCode.IMPORT_FILE_EMPTY,
                    "The sheet is empty: expected a header row such as soort, zaak_referentie, referentie.");
        }
        this.header = first.cells();
        this.next = advance();
    }

    static XlsxRows open(Path file, ImportLimits limits) {
        checkExpansion(file, limits);
        try {
            ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
            try {
                return new XlsxRows(workbook, workbook.getFirstSheet().openStream());
            } catch (RuntimeException e) {
                workbook.close();
                throw e;
            }
        } catch (IOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The workbook could not be read as XLSX.");
        }
    }

    /** Inflates every entry, counting real bytes and entries, and stops at the first limit passed. */
    static void checkExpansion(Path file, ImportLimits limits) {
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            var all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                if (++entries > limits.maxZipEntries()) {
                    throw FileProblems.unusable(
                            MessageCode.IMPORT_XLSX_TOO_MANY_ENTRIES,
                            Map.of("max", limits.maxZipEntries()),
                            "The workbook holds more than " + limits.maxZipEntries() + " parts.");
                }
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        total += n;
                        if (total > limits.maxExpandedBytes()) {
                            throw FileProblems.unusable(
                                    MessageCode.IMPORT_XLSX_EXPANDS,
                                    Map.of("max", limits.maxExpandedBytes()),
                                    "The workbook expands to more than " + limits.maxExpandedBytes() + " bytes.");
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The workbook could not be read as XLSX.");
        }
        if (entries == 0) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The workbook could not be read as XLSX.");
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public SourceRow next() {
        SourceRow r = next;
        if (r == null) {
            throw new java.util.NoSuchElementException();
        }
        next = advance();
        return r;
    }

    private SourceRow advance() {
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                SourceRow r = new SourceRow(row.getRowNum(), cells(row));
                if (!r.blank()) {
                    return r;
                }
            }
            return null;
        } catch (org.dhatim.fastexcel.reader.ExcelReaderException | java.io.UncheckedIOException e) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The workbook could not be read as XLSX.");
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>(row.getCellCount());
        for (int i = 0; i < row.getCellCount(); i++) {
            values.add(text(row.getCell(i)));
        }
        return values;
    }

    static String text(Cell c) {
        if (c == null || c.getType() == CellType.EMPTY) {
            return "";
        }
        if (c.getType() == CellType.FORMULA || c.getFormula() != null) {
            String at = c.getAddress().toString();
            throw FileProblems.unusable(
                    MessageCode.IMPORT_FORMULA,
                    Map.of("cell", at),
                    "Cell " + at + " holds a formula; save the values only.");
        }
        return switch (c.getType()) {
            case NUMBER -> isDate(c) ? c.asDate().toLocalDate().toString() : plain(c.asNumber());
            case BOOLEAN -> c.asBoolean().toString();
            default -> c.getText() == null ? "" : c.getText();
        };
    }

    private static boolean isDate(Cell c) {
        String format = c.getDataFormatString();
        if (format == null) {
            return false;
        }
        String f = format.toLowerCase(Locale.ROOT).replaceAll("\"[^\"]*\"|\\[[^]]*]", "");
        return f.contains("d") && f.contains("y") || f.contains("yy") || f.contains("mmm");
    }

    private static String plain(BigDecimal n) {
        return n.stripTrailingZeros().toPlainString();
    }

    @Override
    public void close() {
        try {
            stream.close();
        } finally {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // Reading is over either way.
            }
        }
    }
}
