package nl.ketenzicht.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Groups the stream of rows into units. In a case file a unit is the consecutive rows of one case
 * reference; only one unit is in memory at a time, so the rows of a case must stand together, and a
 * case reference that comes back after other cases is refused (its rows would otherwise be split over
 * two transactions). In any other kind of file each row is a unit, and a row that names the same
 * record as an earlier one (a registration's reference, a unit or municipality with its year) is
 * refused: the file would otherwise say two things of one record.
 */
final class CaseUnits implements Iterator<List<ImportRow>> {

    private final SheetRows sheet;
    private final FileHeader header;
    /** The line where each case reference (case file) or record key (other files) was first seen. */
    private final Map<String, Integer> seen = new HashMap<>();

    private ImportRow pending;

    CaseUnits(SheetRows sheet, ImportTemplate template) {
        this.sheet = sheet;
        this.header = FileHeader.of(sheet.header(), template);
        this.pending = read();
    }

    @Override
    public boolean hasNext() {
        return pending != null;
    }

    @Override
    public List<ImportRow> next() {
        if (pending == null) {
            throw new NoSuchElementException();
        }
        if (!header.template().byCase()) {
            ImportRow row = pending;
            pending = read();
            String key = row.recordKey();
            Integer first = key == null ? null : seen.putIfAbsent(key, row.number());
            return List.of(
                    first == null
                            ? row
                            : row.with(RowProblem.of(
                                    row.number(),
                                    null,
                                    MessageCode.UPLOAD_DUPLICATE_ROW,
                                    Map.of("previousLine", first),
                                    "This row names the same record as line " + first + ".")));
        }
        List<ImportRow> unit = new ArrayList<>();
        String ref = pending.caseRef();
        do {
            unit.add(pending);
            pending = read();
        } while (pending != null && ref != null && Objects.equals(ref, pending.caseRef()));
        if (ref != null && seen.putIfAbsent(ref, unit.get(0).number()) != null) {
            return unit.stream()
                    .map(r -> r.with(RowProblem.of(
                            r.number(),
                            ImportColumn.CASE_REF,
                            MessageCode.IMPORT_CASE_ROWS_APART,
                            Map.of("reference", r.caseRef()),
                            "The rows of case " + r.caseRef() + " must stand together in the file.")))
                    .toList();
        }
        return unit;
    }

    private ImportRow read() {
        while (sheet.hasNext()) {
            SourceRow s = sheet.next();
            if (!s.blank()) {
                return ImportRow.of(s, header);
            }
        }
        return null;
    }
}
