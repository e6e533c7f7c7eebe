package nl.ketenzicht.shared;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Set;
import java.util.TimeZone;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.Settings;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test server runs in Europe/Amsterdam, the production zone (arquillian.xml), and these tests in UTC.
 * Every instant the application writes or compares must mean the same moment whichever zone its JVM has:
 * the database's times are UTC, and so are the days of the API's date filters.
 */
@ExtendWith(ArquillianExtension.class)
class ServerTimeZoneIT {

    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    /** The pool's connections bind an instant as its UTC time, as a Timestamp and as SqlTimes text alike. */
    @Test
    void theServerRunsInAmsterdamAndItsPoolBindsInstantsInUtc() {
        JsonNode b =
                new Api(base).get("api/test/time?instant=2024-07-01T12:00:00Z").json();
        assertEquals("Europe/Amsterdam", b.path("jvmZone").asText(), "else these tests prove nothing: " + b);
        assertEquals("+00:00", b.path("sessionZone").asText(), "the pool's sessions run in UTC: " + b);
        assertEquals("2024-07-01 12:00:00", b.path("timestamp").asText(), "a Timestamp is bound as UTC: " + b);
        assertEquals("2024-07-01 12:00:00", b.path("text").asText(), "SqlTimes text is UTC: " + b);
    }

    /** A session written through JPA (the Instant converter) holds the UTC time, as a UTC reader sees it. */
    @Test
    void aSessionIsStoredInUtc() throws SQLException {
        Scenario s = new Scenario(base);
        s.admin();
        Instant now = s.serverNow();
        LocalDateTime stored =
                LocalDateTime.parse(scalar("SELECT CAST(MAX(created_at) AS CHAR(19)) FROM user_session"), SQL);
        Duration off = Duration.between(now, stored.toInstant(ZoneOffset.UTC)).abs();
        assertTrue(off.getSeconds() < 60, "the session's created_at " + stored + " is " + off + " from " + now);
    }

    /**
     * The access log's day filters are UTC days, as its times are: an entry at 23:30 UTC belongs to that
     * day, not to the next (in Amsterdam it is already past midnight). Bound as the JVM's local midnight,
     * from=next day kept it and to=its day left it out.
     */
    @Test
    void theAccessLogsDayFiltersAreUtcDays() {
        Scenario s = new Scenario(base);
        Instant now = s.serverNow();
        Instant lateEvening =
                now.atOffset(ZoneOffset.UTC).toLocalDate().atTime(23, 30).toInstant(ZoneOffset.UTC);
        if (!lateEvening.isAfter(now.plusSeconds(60))) {
            lateEvening = lateEvening.plus(Duration.ofDays(1));
        }
        s.advanceClock(Duration.between(now, lateEvening).getSeconds());
        long org = s.organisation("POLICE", "AMS");
        Api worker = s.caseworker(org);
        Api auditor = s.user("AUDITOR", org, null);
        long caseId = worker.post("api/cases", aCase()).json().get("id").asLong();
        JsonNode entry = null;
        for (JsonNode e :
                auditor.get("api/audit/log?action=CREATE&limit=100").json().path("items")) {
            if (entry == null && e.path("objectIds").toString().contains(String.valueOf(caseId))) {
                entry = e;
            }
        }
        assertTrue(entry != null, "the case's creation is in the log");
        Instant at = Instant.parse(entry.path("occurredAt").asText());
        LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
        assertTrue(
                at.atOffset(ZoneOffset.UTC).getHour() == 23, "the entry lies in the last hour of its UTC day: " + at);
        long id = entry.path("id").asLong();
        assertEquals(true, ids(auditor, "from=" + day).contains(id), "from its own day keeps it");
        assertEquals(true, ids(auditor, "to=" + day).contains(id), "to its own day keeps it");
        assertEquals(false, ids(auditor, "from=" + day.plusDays(1)).contains(id), "from the next day leaves it out");
        assertEquals(false, ids(auditor, "to=" + day.minusDays(1)).contains(id), "to the day before leaves it out");
    }

    /**
     * The command-line verifier hashes each entry with its time as it reads it back: run in another zone than
     * the database's sessions (UTC), it must still read UTC, else an intact chain reads as broken.
     */
    @Test
    void theCommandLineVerifierReadsTheLogsTimesInUtcWhateverItsOwnZone() throws Exception {
        new Scenario(base).admin(); // a login leaves entries, sealed within a second or two
        String[] args = {Settings.dbUrl(), Settings.get("ketenzicht.db.migration.user")};
        String password = Settings.get("ketenzicht.db.migration.password");
        String utc = "";
        for (int i = 0; i < 20 && !utc.matches("INTACT.*\\(([1-9]\\d*) seals checked\\)\\s*"); i++) {
            Thread.sleep(500);
            utc = verify(args, password);
        }
        assertTrue(utc.matches("INTACT.*\\(([1-9]\\d*) seals checked\\)\\s*"), "in UTC: " + utc);
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Amsterdam"));
        try {
            String amsterdam = verify(args, password);
            assertTrue(amsterdam.startsWith("INTACT"), "run in Amsterdam: " + amsterdam);
        } finally {
            TimeZone.setDefault(before);
        }
    }

    /** VerifyCommand.run (package-private: a command, not an API), as Backup calls it. */
    private static String verify(String[] args, String password) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        var run = Class.forName("nl.ketenzicht.audit.VerifyCommand")
                .getDeclaredMethod(
                        "run", String[].class, String.class, java.io.PrintStream.class, java.io.PrintStream.class);
        run.setAccessible(true);
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        run.invoke(null, args, password, print, print);
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Set<Long> ids(Api auditor, String filter) {
        Api.Reply r = auditor.get("api/audit/log?action=CREATE&limit=100&" + filter);
        assertEquals(200, r.status(), r.toString());
        Set<Long> ids = new HashSet<>();
        r.json().path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private static String scalar(String sql) throws SQLException {
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
