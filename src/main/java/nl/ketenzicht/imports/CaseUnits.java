package nl.ketenzicht.imports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Groups the stream of rows into units: the consecutive rows of one case reference. Only one unit is
 * in memory at a time, so the rows of a case must stand together; a case reference that comes back
 * after other cases is refused (its rows would otherwise be split over two transactions).
 */
final class CaseUnits implements Iterator<List<ImportRow>> {

    private final SheetRows sheet;
    private final FileHeader header;
    private final Set<String> seen = new HashSet<>();
    private ImportRow pending;

    CaseUnits(SheetRows sheet) {
        this.sheet = sheet;
        this.header = FileHeader.of(sheet.header());
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
        List<ImportRow> unit = new ArrayList<>();
        String ref = pending.caseRef();
        do {
            unit.add(pending);
            pending = read();
        } while (pending != null && ref != null && Objects.equals(ref, pending.caseRef()));
        if (ref != null && !seen.add(ref)) {
            return unit.stream().map(r -> apart(r)).toList();
        }
        return unit;
    }

    private static ImportRow apart(ImportRow r) {
        List<RowProblem> problems = new ArrayList<>(r.problems());
        problems.add(RowProblem.of(
                r.number(),
                ImportColumn.CASE_REF,
                MessageCode.IMPORT_CASE_ROWS_APART,
                Map.of("reference", r.caseRef()),
                "The rows of case " + r.caseRef() + " must stand together in the file."));
        return new ImportRow(r.number(), r.kind(), r.caseRef(), r.reference(), r.values(), List.copyOf(problems));
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
