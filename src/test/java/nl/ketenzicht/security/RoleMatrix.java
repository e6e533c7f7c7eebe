package nl.ketenzicht.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The role and share matrix as written in {@code src/test/resources/security/role-matrix.md}: one row
 * per request, one column per kind of caller, each cell the expected answer ({@code ok}, 401, 403, 404).
 */
record RoleMatrix(List<String> callers, List<Row> rows) {

    static final String RESOURCE = "security/role-matrix.md";
    private static final int FIXED_COLUMNS = 4;

    record Row(String endpoint, String request, String body, String capability, Map<String, String> expected) {
        String method() {
            return endpoint.substring(0, endpoint.indexOf(' '));
        }
    }

    /** How the table names an answer: the status for a refusal, {@code ok} for anything that passed access control. */
    static String answer(int status) {
        if (status == 401 || status == 403 || status == 404) {
            return String.valueOf(status);
        }
        return status >= 500 ? "server error " + status : "ok";
    }

    static RoleMatrix load() {
        return parse(read(RESOURCE));
    }

    static RoleMatrix parse(String markdown) {
        List<String[]> table = MarkdownTable.first(markdown, "endpoint");
        String[] header = table.get(0);
        List<String> callers = Arrays.asList(header).subList(FIXED_COLUMNS, header.length);
        List<Row> rows = new ArrayList<>();
        for (String[] cells : table.subList(1, table.size())) {
            if (cells.length != header.length) {
                throw new IllegalStateException("row with " + cells.length + " cells, header has " + header.length
                        + ": " + String.join(" | ", cells));
            }
            Map<String, String> expected = new LinkedHashMap<>();
            for (int i = 0; i < callers.size(); i++) {
                String cell = cells[FIXED_COLUMNS + i];
                if (!Set.of("ok", "401", "403", "404").contains(cell)) {
                    throw new IllegalStateException("unknown answer '" + cell + "' in " + cells[1]);
                }
                expected.put(callers.get(i), cell);
            }
            String body = cells[2].startsWith("`") && cells[2].endsWith("`")
                    ? cells[2].substring(1, cells[2].length() - 1)
                    : cells[2];
            rows.add(new Row(cells[0], cells[1], body, cells[3], expected));
        }
        return new RoleMatrix(List.copyOf(callers), List.copyOf(rows));
    }

    /** Capabilities in the order of the table, without the rows marked {@code -}. */
    Set<String> capabilities() {
        Set<String> names = new LinkedHashSet<>();
        rows.stream().map(Row::capability).filter(c -> !c.equals("-")).forEach(names::add);
        return names;
    }

    /** "yes" when every row of the capability is ok for the caller, "no" when none is, else "partly". */
    String may(String capability, String caller) {
        List<String> answers = rows.stream()
                .filter(r -> r.capability().equals(capability))
                .map(r -> r.expected().get(caller))
                .toList();
        long ok = answers.stream().filter("ok"::equals).count();
        return ok == answers.size() ? "yes" : ok == 0 ? "no" : "partly";
    }

    /** Each difference between the README's role table and this matrix, in words. */
    List<String> disagreementsWith(ReadmeRoleTable readme) {
        List<String> wrong = new ArrayList<>();
        Set<String> mine = capabilities();
        if (!mine.equals(readme.capabilities())) {
            wrong.add("capabilities differ: matrix " + mine + ", README " + readme.capabilities());
        }
        for (String capability : readme.capabilities()) {
            if (!mine.contains(capability)) {
                continue;
            }
            for (var column : readme.columns().entrySet()) {
                String says = readme.cell(capability, column.getKey());
                for (String caller : column.getValue()) {
                    if (!callers.contains(caller)) {
                        wrong.add("README column '" + column.getKey() + "' names unknown caller " + caller);
                    } else if (!says.equals(may(capability, caller))) {
                        wrong.add("'" + capability + "' for " + column.getKey() + ": README says " + says
                                + ", the matrix " + may(capability, caller) + " (" + caller + ")");
                    }
                }
            }
        }
        return wrong;
    }

    static String read(String resource) {
        try (InputStream in = RoleMatrix.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
