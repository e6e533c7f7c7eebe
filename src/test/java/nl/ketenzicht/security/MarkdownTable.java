package nl.ketenzicht.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads a GitHub-flavoured Markdown table: its header and rows as cells, {@code \|} being a literal bar. */
final class MarkdownTable {

    private MarkdownTable() {}

    /** The first table whose first header cell is {@code firstHeader}; the separator line is left out. */
    static List<String[]> first(String markdown, String firstHeader) {
        List<String[]> table = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            String l = line.strip();
            if (table.isEmpty()) {
                if (l.startsWith("|") && cells(l)[0].equals(firstHeader)) {
                    table.add(cells(l));
                }
            } else if (!l.startsWith("|")) {
                break;
            } else if (!l.matches("\\|[-|: ]+\\|")) {
                table.add(cells(l));
            }
        }
        if (table.isEmpty()) {
            throw new IllegalStateException("no table with first column '" + firstHeader + "'");
        }
        return table;
    }

    static String[] cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("(?<!\\\\)\\|", -1))
                .map(c -> c.strip().replace("\\|", "|"))
                .toArray(String[]::new);
    }
}
