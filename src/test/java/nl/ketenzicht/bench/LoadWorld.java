package nl.ketenzicht.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.Map;
import nl.ketenzicht.synthetic.JdbcWriter;
import nl.ketenzicht.synthetic.Loaded;
import nl.ketenzicht.synthetic.Spec;
import nl.ketenzicht.synthetic.SyntheticWorld;
import org.flywaydb.core.Flyway;

/**
 * Loads a synthetic world into a database and prints how long it took:
 * {@code java -cp ... nl.ketenzicht.bench.LoadWorld <jdbc-url> <user> <password> <cases> [seed] [--migrate]}.
 * With --migrate it first brings the (empty) schema up to date with the application's migrations,
 * granting to the application account named by -Dload.app.user (default ketenzicht_app).
 */
public final class LoadWorld {

    private LoadWorld() {}

    public static void main(String[] args) throws Exception {
        String url = withBulkOptions(args[0]);
        int cases = Integer.parseInt(args[3]);
        long seed = args.length > 4 && !args[4].startsWith("--") ? Long.parseLong(args[4]) : 1;
        if (String.join(" ", args).contains("--migrate")) {
            Flyway.configure()
                    .dataSource(url, args[1], args[2])
                    .locations("filesystem:sql")
                    .placeholders(
                            Map.of("appGrantee", "'" + System.getProperty("load.app.user", "ketenzicht_app") + "'@'%'"))
                    .load()
                    .migrate();
        }
        LocalDate today = LocalDate.now(java.time.ZoneOffset.UTC);
        var world = SyntheticWorld.streaming(seed, Spec.national(cases, 2015, today.getYear(), today));
        try (Connection c = DriverManager.getConnection(url, args[1], args[2])) {
            Loaded loaded = JdbcWriter.chunked()
                    .withListener(
                            (conn, l) -> System.out.println("listener: cases " + l.minCaseId() + ".." + l.maxCaseId()))
                    .write(world, c);
            double seconds = loaded.elapsed().toMillis() / 1000.0;
            System.out.printf(
                    "loaded %,d cases, %,d rows in %.1f s: %,.0f cases/s, %,.0f rows/s%n%s%n",
                    loaded.cases(),
                    loaded.totalRows(),
                    seconds,
                    loaded.cases() / seconds,
                    loaded.totalRows() / seconds,
                    loaded.rows());
        }
    }

    /** The writer needs multi-row INSERTs; UTC as in the application's data source. */
    static String withBulkOptions(String url) {
        String sep = url.contains("?") ? "&" : "?";
        return url + sep + "rewriteBatchedStatements=true&connectionTimeZone=UTC&forceConnectionTimeZoneToSession=true"
                + "&allowPublicKeyRetrieval=true&useSSL=false";
    }
}
