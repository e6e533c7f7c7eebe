package nl.ketenzicht.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.problem.ServiceUnavailable;
import nl.ketenzicht.shared.problem.UnexpectedErrorMapper;

/**
 * The log rows of reads, written by group commit. A read still returns nothing until its row is
 * committed, but the rows of reads that arrive together share one statement and one commit: the
 * request that finds no writer at work becomes the writer and inserts everything queued so far,
 * while the others wait for their row (or take over when the writer has left). A read's row needs no
 * place in the read's own transaction: there is nothing to roll back with it.
 */
@ApplicationScoped
public class ReadLog {

    private static final int MOST_PER_GROUP = 100;
    private static final Logger LOG = Logger.getLogger(ReadLog.class.getName());

    @Inject
    Writer writer;

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writing = new ReentrantLock();

    /** Returns once the row is committed; 503 when it cannot be. */
    void write(LogRow row) {
        Pending mine = new Pending(row);
        queue.add(mine);
        try {
            while (!mine.done.await(0, TimeUnit.MILLISECONDS)) {
                if (writing.tryLock()) {
                    try {
                        while (mine.done.getCount() > 0) {
                            writeGroup();
                        }
                    } finally {
                        writing.unlock();
                    }
                } else {
                    mine.done.await(2, TimeUnit.MILLISECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ServiceUnavailable.auditLog();
        }
        if (mine.failed) {
            throw ServiceUnavailable.auditLog();
        }
    }

    private void writeGroup() {
        List<Pending> group = new ArrayList<>();
        for (Pending p = queue.poll(); p != null; p = group.size() < MOST_PER_GROUP - 1 ? queue.poll() : null) {
            group.add(p);
        }
        if (group.isEmpty()) {
            return;
        }
        boolean failed = true;
        try {
            writer.insertApart(group.stream().map(p -> p.row).toList());
            failed = false;
        } catch (SQLException | RuntimeException e) {
            // Every waiting read answers 503. The class and SQL state say why; messages may quote values.
            // A database that cannot be reached is logged once per outage, by DatabaseAvailability.
            if (UnexpectedErrorMapper.databaseUnavailable(e)) {
                return;
            }
            LOG.warning("Access-log rows of " + group.size() + " reads not written: "
                    + e.getClass().getName() + (e instanceof SQLException q ? " SQLState " + q.getSQLState() : ""));
        } finally {
            for (Pending p : group) {
                p.failed = failed;
                p.done.countDown();
            }
        }
    }

    private static final class Pending {
        final LogRow row;
        final CountDownLatch done = new CountDownLatch(1);
        volatile boolean failed;

        Pending(LogRow row) {
            this.row = row;
        }
    }

    /** Outside the caller's transaction and its pool (see Database.LOG_JNDI), so that the group commits by itself. */
    @ApplicationScoped
    public static class Writer {
        @Inject
        Jdbc jdbc;

        @Transactional(Transactional.TxType.NOT_SUPPORTED)
        public void insertApart(List<LogRow> rows) throws SQLException {
            try (Connection c = jdbc.logConnection()) {
                if (LogRow.oneStatement(rows)) {
                    LogRow.insert(c, rows);
                    return;
                }
                c.setAutoCommit(false);
                try {
                    LogRow.insert(c, rows);
                    c.commit();
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }
    }
}
