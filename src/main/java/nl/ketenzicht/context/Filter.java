package nl.ketenzicht.context;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of equalities on the optional filters of a list, with its parameters. */
final class Filter {

    private final StringBuilder where = new StringBuilder();
    private final List<Object> values = new ArrayList<>();

    static Filter where() {
        return new Filter();
    }

    /** Adds {@code column = value} unless the value is null (no filter). */
    Filter eq(String column, Object value) {
        if (value != null) {
            where.append(where.isEmpty() ? " WHERE " : " AND ").append(column).append(" = ?");
            values.add(value);
        }
        return this;
    }

    /** Adds a condition of the caller's own making with its parameters. */
    Filter and(String condition, Object... params) {
        where.append(where.isEmpty() ? " WHERE " : " AND ").append(condition);
        values.addAll(List.of(params));
        return this;
    }

    long count(Connection c, String from) throws SQLException {
        try (PreparedStatement s = prepare(c, "SELECT COUNT(*) FROM " + from, "");
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    PreparedStatement prepare(Connection c, String select, String tail, Object... more) throws SQLException {
        PreparedStatement s = c.prepareStatement(select + where + tail);
        int i = 1;
        for (Object v : values) {
            s.setObject(i++, v);
        }
        for (Object v : more) {
            s.setObject(i++, v);
        }
        return s;
    }
}
