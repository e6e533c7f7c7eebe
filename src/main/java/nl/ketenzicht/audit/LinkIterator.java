package nl.ketenzicht.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Streams (seal, entry) pairs from a result set of seal columns followed by entry columns. */
final class LinkIterator implements Iterator<ChainVerifier.Link> {

    private final ResultSet rs;
    private Boolean hasNext;

    LinkIterator(ResultSet rs) {
        this.rs = rs;
    }

    @Override
    public boolean hasNext() {
        if (hasNext == null) {
            try {
                hasNext = rs.next();
            } catch (SQLException e) {
                throw new IllegalStateException("reading the access log failed", e);
            }
        }
        return hasNext;
    }

    @Override
    public ChainVerifier.Link next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        hasNext = null;
        try {
            var seal = new ChainVerifier.Seal(rs.getLong(1), rs.getLong(2), rs.getString(3));
            rs.getLong(4);
            LogEntry entry = rs.wasNull() ? null : AuditStore.entry(rs, 3);
            return new ChainVerifier.Link(seal, entry);
        } catch (SQLException e) {
            throw new IllegalStateException("reading the access log failed", e);
        }
    }
}
