package nl.ketenzicht.imports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * A data row mapped onto the template: its kind, the case it belongs to and its own reference, its
 * values by column, and what is wrong with its shape (checked before any rule of the API).
 */
public record ImportRow(
        int number,
        RecordKind kind,
        String caseRef,
        String reference,
        Map<ImportColumn, String> values,
        List<RowProblem> problems) {

    static final int MAX_REFERENCE = 100;

    static ImportRow of(SourceRow source, FileHeader header) {
        Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
        List<RowProblem> problems = new ArrayList<>();
        List<String> cells = source.cells();
        for (int i = 0; i < cells.size(); i++) {
            String v = cells.get(i) == null ? "" : cells.get(i).strip();
            ImportColumn c = header.at(i);
            if (c == null && !v.isEmpty()) {
                problems.add(RowProblem.of(
                        source.number(),
                        null,
                        MessageCode.IMPORT_ROW_TOO_WIDE,
                        Map.of("columns", header.width()),
                        "The row has more values than the header has columns (" + header.width() + ")."));
                break;
            }
            if (c != null && !v.isEmpty() && c != ImportColumn.REASON) {
                values.put(c, v);
            }
        }
        RecordKind kind = null;
        ImportTemplate template = header.template();
        String kindText = values.get(ImportColumn.KIND);
        if (kindText == null) {
            problems.add(RowProblem.of(
                    source.number(), ImportColumn.KIND, MessageCode.REQUIRED, Map.of(), "Fill in the kind of row."));
        } else {
            kind = RecordKind.parse(kindText).filter(template.kinds()::contains).orElse(null);
            if (kind == null) {
                problems.add(RowProblem.of(
                        source.number(),
                        ImportColumn.KIND,
                        MessageCode.IMPORT_KIND_UNKNOWN,
                        Map.of("value", kindText, "allowed", template.kindList()),
                        "“" + kindText + "” is not a kind of row of this file: use " + template.kindList() + "."));
            }
        }
        // A row whose kind is unknown is checked for what every row of its kind of file needs.
        boolean referenced = kind == null ? template.required().contains(ImportColumn.REFERENCE) : kind.referenced();
        boolean caseRefRequired = kind == null ? template.required().contains(ImportColumn.CASE_REF) : kind.caseBound();
        String caseRef = caseRefRequired || values.containsKey(ImportColumn.CASE_REF)
                ? reference(source.number(), values, ImportColumn.CASE_REF, problems)
                : null;
        String ref = referenced ? reference(source.number(), values, ImportColumn.REFERENCE, problems) : null;
        if (kind != null) {
            for (ImportColumn c : values.keySet()) {
                if (!c.appliesTo(kind)) {
                    problems.add(RowProblem.of(
                            source.number(),
                            c,
                            MessageCode.IMPORT_COLUMN_NOT_FOR_KIND,
                            Map.of("kind", kind.dutch()),
                            "This column does not apply to a row of kind " + kind.dutch() + "; leave it empty."));
                }
            }
        }
        return new ImportRow(
                source.number(), kind, caseRef, ref, Collections.unmodifiableMap(values), List.copyOf(problems));
    }

    private static String reference(
            int row, Map<ImportColumn, String> values, ImportColumn column, List<RowProblem> problems) {
        String v = values.get(column);
        if (v == null) {
            problems.add(RowProblem.of(row, column, MessageCode.REQUIRED, Map.of(), "Fill in a reference."));
            return null;
        }
        if (v.length() > MAX_REFERENCE) {
            problems.add(RowProblem.of(
                    row,
                    column,
                    MessageCode.LENGTH_MAX,
                    Map.of("max", MAX_REFERENCE),
                    "At most " + MAX_REFERENCE + " characters."));
            return null;
        }
        return v;
    }

    String value(ImportColumn column) {
        return values.get(column);
    }

    /** Fit to be applied: its kind known and the references its kind needs present. */
    boolean usable() {
        return kind != null && (!kind.caseBound() || caseRef != null) && (!kind.referenced() || reference != null);
    }

    /**
     * What a row outside a case file is about, to find a second row about the same record: a
     * registration's reference, a police unit or municipality with its year; null when it cannot tell.
     */
    String recordKey() {
        if (!usable()) {
            return null;
        }
        return switch (kind) {
            case REGISTRATION -> kind + " " + reference;
            case CAPACITY -> kind + " " + upper(ImportColumn.POLICE_UNIT) + " " + values.get(ImportColumn.YEAR);
            case PRIORITY -> kind + " " + upper(ImportColumn.MUNICIPALITY) + " " + values.get(ImportColumn.YEAR);
            default -> null;
        };
    }

    private String upper(ImportColumn column) {
        String v = values.get(column);
        return v == null ? null : v.toUpperCase(java.util.Locale.ROOT);
    }

    /** The same row with one more problem. */
    ImportRow with(RowProblem problem) {
        List<RowProblem> more = new ArrayList<>(problems);
        more.add(problem);
        return new ImportRow(number, kind, caseRef, reference, values, List.copyOf(more));
    }
}
