package nl.ketenzicht.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The README's table of what each role and share scope may do: one row per capability of the role
 * matrix, one column per kind of caller, each cell "yes", "no" or "partly". Which matrix callers a
 * column stands for is written under the column's name, e.g. {@code READ share (read)}.
 */
record ReadmeRoleTable(Map<String, List<String>> columns, Map<String, Map<String, String>> cells) {

    static ReadmeRoleTable load() {
        try {
            return parse(Files.readString(Path.of("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReadmeRoleTable parse(String markdown) {
        List<String[]> table = MarkdownTable.first(markdown, "may");
        String[] header = table.get(0);
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (int i = 1; i < header.length; i++) {
            int open = header[i].lastIndexOf('(');
            if (open < 0 || !header[i].endsWith(")")) {
                throw new IllegalStateException(
                        "README role table: column '" + header[i] + "' names no matrix callers in parentheses");
            }
            columns.put(
                    header[i],
                    Arrays.stream(header[i]
                                    .substring(open + 1, header[i].length() - 1)
                                    .split(","))
                            .map(String::strip)
                            .map(c -> c.replace("`", ""))
                            .toList());
        }
        Map<String, Map<String, String>> cells = new LinkedHashMap<>();
        for (String[] row : table.subList(1, table.size())) {
            Map<String, String> byColumn = new LinkedHashMap<>();
            for (int i = 1; i < header.length; i++) {
                byColumn.put(header[i], row[i]);
            }
            cells.put(row[0], byColumn);
        }
        return new ReadmeRoleTable(columns, cells);
    }

    Set<String> capabilities() {
        return new LinkedHashSet<>(cells.keySet());
    }

    String cell(String capability, String column) {
        return cells.get(capability).get(column);
    }
}
