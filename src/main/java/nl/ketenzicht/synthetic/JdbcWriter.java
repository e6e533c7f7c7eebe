package nl.ketenzicht.synthetic;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * Bulk-inserts a synthetic world into the schema with multi-row INSERTs of about 1 MB each (see
 * {@link Batch} for why they are built here rather than by the driver's rewriteBatchedStatements);
 * foreign keys and checks stay on. The session time zone is UTC while it runs. Organisations are matched by code, so a world can be loaded for
 * organisations that already exist. The next chunk is generated while the current one is written.
 * Listeners are told after the last commit, e.g. to rebuild report aggregates.
 */
public final class JdbcWriter {

    private final int chunkSize;
    private final boolean oneTransaction;
    private final List<LoadListener> listeners;

    private JdbcWriter(int chunkSize, boolean oneTransaction, List<LoadListener> listeners) {
        this.chunkSize = chunkSize;
        this.oneTransaction = oneTransaction;
        this.listeners = List.copyOf(listeners);
    }

    /** Commits every 500 cases, so a large load neither holds huge transactions nor starts over. */
    public static JdbcWriter chunked() {
        return new JdbcWriter(500, false, List.of());
    }

    /** All or nothing: for small loads (the demo) that must not be left half done. */
    public static JdbcWriter oneTransaction() {
        return new JdbcWriter(500, true, List.of());
    }

    public JdbcWriter withChunkSize(int cases) {
        return new JdbcWriter(cases, oneTransaction, listeners);
    }

    public JdbcWriter withListener(LoadListener listener) {
        List<LoadListener> more = new ArrayList<>(listeners);
        more.add(listener);
        return new JdbcWriter(chunkSize, oneTransaction, more);
    }

    public Loaded write(World world, Connection connection) throws SQLException {
        long start = System.nanoTime();
        boolean autoCommit = connection.getAutoCommit();
        String zone = sessionTimeZone(connection, "+00:00");
        connection.setAutoCommit(false);
        ExecutorService generator = Executors.newSingleThreadExecutor(r -> new Thread(r, "synthetic-generator"));
        Loaded loaded;
        try (ChunkWriter writer = new ChunkWriter(
                connection, organisations(world, connection), world.spec().createdBy())) {
            long[] caseIds = writeChunks(world, connection, writer, generator);
            connection.commit();
            loaded = new Loaded(
                    writer.organisationIds(),
                    caseIds,
                    rows(world, writer),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            generator.shutdownNow();
            connection.setAutoCommit(autoCommit);
            sessionTimeZone(connection, zone);
        }
        for (LoadListener l : listeners) {
            l.loaded(connection, loaded);
        }
        return loaded;
    }

    private long[] writeChunks(World world, Connection connection, ChunkWriter writer, ExecutorService generator)
            throws SQLException {
        long[] caseIds = new long[world.size()];
        CompletableFuture<List<SyntheticCase>> next = chunk(world, 0, generator);
        for (int from = 0; from < world.size(); from += chunkSize) {
            List<SyntheticCase> chunk = next.join();
            next = chunk(world, from + chunkSize, generator);
            long[] ids = writer.write(chunk);
            System.arraycopy(ids, 0, caseIds, from, ids.length);
            if (!oneTransaction) {
                connection.commit();
            }
        }
        return caseIds;
    }

    private CompletableFuture<List<SyntheticCase>> chunk(World world, int from, ExecutorService generator) {
        int to = Math.min(world.size(), from + chunkSize);
        return CompletableFuture.supplyAsync(
                () -> IntStream.range(from, to).mapToObj(world::caseAt).toList(), generator);
    }

    /** Sets the session's time zone (dates and instants are sent as UTC literals) and returns the one before. */
    private static String sessionTimeZone(Connection c, String zone) throws SQLException {
        try (Statement s = c.createStatement()) {
            String before;
            try (ResultSet rs = s.executeQuery("SELECT @@session.time_zone")) {
                rs.next();
                before = rs.getString(1);
            }
            try (PreparedStatement set = c.prepareStatement("SET time_zone = ?")) {
                set.setString(1, zone);
                set.execute();
            }
            return before;
        }
    }

    /** The id of each of the world's organisations, inserting those whose code is not there yet. */
    static List<Long> organisations(World world, Connection c) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM organisation WHERE code = ?");
                PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO organisation (code, name, type, police_unit, "
                                + "enabled, version, created_at) VALUES (?, ?, ?, ?, TRUE, 1, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            for (SyntheticOrganisation o : world.organisations()) {
                find.setString(1, o.code());
                try (ResultSet rs = find.executeQuery()) {
                    if (rs.next()) {
                        ids.add(rs.getLong(1));
                        continue;
                    }
                }
                insert.setString(1, o.code());
                insert.setString(2, o.name());
                insert.setString(3, o.type().name());
                insert.setString(4, o.policeUnit());
                insert.setTimestamp(
                        5,
                        Timestamp.from(world.spec()
                                .today()
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant()));
                insert.executeUpdate();
                try (ResultSet rs = insert.getGeneratedKeys()) {
                    rs.next();
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private static Map<String, Long> rows(World world, ChunkWriter writer) {
        Map<String, Long> rows = new LinkedHashMap<>(writer.rows());
        rows.put("organisation", (long) world.organisations().size());
        return rows;
    }
}
