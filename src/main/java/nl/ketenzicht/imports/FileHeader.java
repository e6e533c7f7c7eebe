package nl.ketenzicht.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * The header row mapped onto the template's columns. Every header must be a column of the kind of file
 * (Dutch or English name), none twice, and the required ones present: otherwise the whole file is
 * refused, as a misread column would put values in the wrong fields.
 */
final class FileHeader {

    private final ImportColumn[] columns;
    private final ImportTemplate template;

    private FileHeader(ImportColumn[] columns, ImportTemplate template) {
        this.columns = columns;
        this.template = template;
    }

    static FileHeader of(List<String> header, ImportTemplate template) {
        Set<ImportColumn> allowed = EnumSet.copyOf(ImportColumn.of(template));
        allowed.add(ImportColumn.REASON);
        int width = header.size();
        while (width > 0
                && (header.get(width - 1) == null || header.get(width - 1).isBlank())) {
            width--;
        }
        ImportColumn[] columns = new ImportColumn[width];
        Set<String> unknown = new LinkedHashSet<>();
        Set<String> duplicate = new LinkedHashSet<>();
        Map<ImportColumn, String> seen = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < width; i++) {
            String name = header.get(i) == null
                    ? ""
                    : header.get(i).replace("\uFEFF", "").strip();
            var column = ImportColumn.ofHeader(name).filter(allowed::contains);
            if (column.isEmpty()) {
                unknown.add(name.isEmpty() ? "(" + (i + 1) + ")" : name);
            } else if (seen.putIfAbsent(column.get(), name) != null) {
                duplicate.add(name);
            } else {
                columns[i] = column.get();
            }
        }
        if (!unknown.isEmpty()) {
            throw FileProblems.unusable(
                    MessageCode.IMPORT_COLUMN_UNKNOWN,
                    Map.of("columns", String.join(", ", unknown)),
                    "Unknown columns: " + String.join(", ", unknown)
                            + ". Use the template's headers (Dutch or English).");
        }
        if (!duplicate.isEmpty()) {
            throw FileProblems.unusable(
                    MessageCode.IMPORT_COLUMN_DUPLICATE,
                    Map.of("columns", String.join(", ", duplicate)),
                    "Columns given twice: " + String.join(", ", duplicate) + ".");
        }
        List<String> missing = new ArrayList<>();
        template.required().stream().filter(c -> !seen.containsKey(c)).forEach(c -> missing.add(c.dutch()));
        if (!missing.isEmpty()) {
            throw FileProblems.unusable(
                    MessageCode.IMPORT_COLUMN_MISSING,
                    Map.of("columns", String.join(", ", missing)),
                    "Required columns missing: " + String.join(", ", missing) + ".");
        }
        return new FileHeader(columns, template);
    }

    int width() {
        return columns.length;
    }

    /** The column at a position; null past the header's end. */
    ImportColumn at(int index) {
        return index < columns.length ? columns[index] : null;
    }

    ImportTemplate template() {
        return template;
    }

    List<ImportColumn> columns() {
        return List.of(columns);
    }
}
