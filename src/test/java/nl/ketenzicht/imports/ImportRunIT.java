package nl.ketenzicht.imports;

import static nl.ketenzicht.imports.ImportIT.CSV;
import static nl.ketenzicht.imports.ImportIT.assertCountersEqualRecount;
import static nl.ketenzicht.imports.ImportIT.done;
import static nl.ketenzicht.imports.ImportIT.limits;
import static nl.ketenzicht.imports.ImportIT.recountAggregates;
import static nl.ketenzicht.imports.ImportIT.start;
import static nl.ketenzicht.imports.ImportIT.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
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
 * How an import job runs: a large commit rebuilds the report aggregates once at the end (and a failed
 * rebuild ends the job FAILED with its rebuild request standing); every import endpoint takes its
 * language by one rule; a cancelled import leaves each case whole or untouched; uploaded files go when
 * their job is done or after their retention; and the bulk way writes the rows the API writes.
 */
@ExtendWith(ArquillianExtension.class)
class ImportRunIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aLargeCommitRebuildsTheAggregatesOnceAtTheEnd() throws Exception {
        recountAggregates();
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        byte[] file = cases(w, "BIG", 6);
        Timestamp before = created("report_case_fact");
        Thread.sleep(1100); // the tables' creation time is kept in seconds
        try {
            limits(s.anonymous(), "rebuildFromRows=1&organisation=" + org);
            JsonNode job = done(w, start(w, upload(w, file, CSV, "big.csv"), "commit", Map.of("mode", "PER_CASE")));
            assertEquals("COMMITTED", job.get("status").asText(), job.toString());
            assertEquals(42, job.at("/summary/create").asInt(), job.toString());
        } finally {
            s.anonymous().send("DELETE", "api/test/import-limits", null, Map.of());
        }
        assertTrue(created("report_case_fact").after(before), "the report tables were swapped for rebuilt ones");
        assertEquals(0, Db.count("report_rebuild_request"), "the rebuild's request is withdrawn");
        assertCountersEqualRecount();
    }

    @Test
    void aFailedRebuildEndsTheJobFailedWithItsRequestStanding() throws Exception {
        recountAggregates();
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        byte[] file = cases(w, "LOST", 2);
        String grantee = grantee();
        JsonNode job;
        try {
            // The rebuild cannot create its shadow table: an error that no retry mends.
            sql("REVOKE CREATE ON report_case_fact_next FROM " + grantee);
            limits(s.anonymous(), "rebuildFromRows=1&organisation=" + org);
            job = done(w, start(w, upload(w, file, CSV, "lost.csv"), "commit", Map.of("mode", "PER_CASE")));
        } finally {
            sql("GRANT CREATE ON report_case_fact_next TO " + grantee);
            s.anonymous().send("DELETE", "api/test/import-limits", null, Map.of());
        }
        try {
            assertEquals("FAILED", job.get("status").asText(), job.toString());
            assertEquals("import.rebuildFailed", job.at("/failure/code").asText(), job.toString());
            assertTrue(job.at("/failure/message").asText().contains("rapportcijfers"), job.toString());
            assertEquals(14, job.at("/summary/create").asInt(), "the rows are in: " + job);
            assertEquals(
                    1,
                    Db.count("report_rebuild_request WHERE reason = 'import job "
                            + job.get("id").asLong() + "'"),
                    "the request stands for the next start");
        } finally {
            sql("DELETE FROM report_rebuild_request");
            recountAggregates();
        }
    }

    @Test
    void everyImportEndpointTakesItsLanguageByOneRule() {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));
        long id = upload(w, w.getBytes("api/imports/template?format=csv"), CSV, "t.csv");
        for (String path : List.of(
                "api/imports",
                "api/imports/" + id,
                "api/imports/" + id + "/problems",
                "api/imports/" + id + "/refused-rows",
                "api/imports/template?format=csv",
                "api/imports/columns")) {
            String sep = path.contains("?") ? "&" : "?";
            Api.Reply refused = w.get(path + sep + "lang=de");
            assertEquals(400, refused.status(), path + ": " + refused);
            assertTrue(refused.contentType().startsWith("application/problem+json"), path + ": " + refused);
            assertEquals("lang", refused.json().at("/errors/0/field").asText(), path + ": " + refused);
            assertEquals(200, w.get(path + sep + "lang=en").status(), path);
        }
        for (String action : List.of("preview", "commit", "cancellation")) {
            Api.Reply refused = w.post("api/imports/" + id + "/" + action + "?lang=EN", Map.of("mode", "PER_CASE"));
            assertEquals(400, refused.status(), action + ": " + refused);
        }
        // Without lang, Accept-Language decides: its first language we have, else Dutch.
        assertEquals("kind", header(w, "de-DE, en;q=0.8"));
        assertEquals("soort", header(w, "fr"));
        assertEquals("soort", header(w, null));
    }

    /** The header of the columns' first (the row's kind) in the language the request gets. */
    private static String header(Api w, String acceptLanguage) {
        Api.Reply r = w.send(
                "GET",
                "api/imports/columns",
                null,
                acceptLanguage == null ? Map.of() : Map.of("Accept-Language", acceptLanguage));
        assertEquals(200, r.status(), r.toString());
        return r.json().get(0).get("header").asText();
    }

    @Test
    void aCancelledImportLeavesEveryCaseWholeOrUntouched() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        int cases = 300;
        byte[] first = cases(w, "CAN", cases);
        JsonNode job = done(w, start(w, upload(w, first, CSV, "first.csv"), "commit", Map.of("mode", "PER_CASE")));
        assertEquals(cases * 7, job.at("/summary/create").asInt(), job.toString());
        // Each case changes in two rows (its municipality, its victim's birth year): updates go the services' way,
        // a case at a time.
        String revised = new String(first, StandardCharsets.UTF_8)
                .lines()
                .map(l -> l.startsWith("SLACHTOFFER;") ? l.replace(";2008;", ";2007;") : l.replace("GM0363", "GM0599"))
                .collect(java.util.stream.Collectors.joining("\r\n", "", "\r\n"));
        long id = start(
                w,
                upload(w, revised.getBytes(StandardCharsets.UTF_8), CSV, "revised.csv"),
                "commit",
                Map.of("mode", "PER_CASE"));
        long until = System.currentTimeMillis() + 120_000;
        while (w.get("api/imports/" + id).json().at("/progress/rowsDone").asInt() == 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertEquals(202, w.post("api/imports/" + id + "/cancellation", null).status());
        job = done(w, id);
        assertEquals("CANCELLED", job.get("status").asText(), "the import was still running: " + job);
        int updated = job.at("/summary/update").asInt();
        assertTrue(updated > 0 && updated < cases * 2, "stopped part of the way: " + job);
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT f.municipality_code, v.birth_year, COUNT(*) FROM case_file f "
                        + "JOIN party v ON v.case_id = f.id AND v.kind = 'VICTIM' WHERE f.owner_organisation_id = "
                        + org
                        + " GROUP BY f.municipality_code, v.birth_year ORDER BY 1")) {
            Map<String, Integer> byState = new java.util.TreeMap<>();
            while (rs.next()) {
                byState.put(rs.getString(1) + "/" + rs.getInt(2), rs.getInt(3));
            }
            assertEquals(
                    Map.of("GM0363/2008", cases - updated / 2, "GM0599/2007", updated / 2),
                    byState,
                    "each case whole (both rows changed) or untouched: " + job);
        }
    }

    @Test
    void anUploadIsDeletedWhenItsJobEndsAndAnAbandonedOneAfterItsRetention() throws Exception {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "LB"));
        long committed = upload(w, cases(w, "DEL", 1), CSV, "committed.csv");
        Path committedFile = file(committed);
        assertTrue(Files.exists(committedFile), committedFile.toString());
        JsonNode job = done(w, start(w, committed, "commit", Map.of("mode", "PER_CASE")));
        assertEquals("COMMITTED", job.get("status").asText(), job.toString());
        assertTrue(Files.notExists(committedFile), "deleted when the job is committed without refused rows");
        assertEquals(null, file(committed));
        assertEquals(410, w.get("api/imports/" + committed + "/refused-rows").status());

        long abandoned = upload(w, cases(w, "ABANDONED", 1), CSV, "abandoned.csv");
        Path abandonedFile = file(abandoned);
        Api.Reply kept =
                s.anonymous().post("api/test/import-limits/purge?job=" + abandoned + "&keepSeconds=3600", null);
        assertEquals("false", kept.body(), kept.toString());
        assertTrue(Files.exists(abandonedFile), "kept within its retention");
        Thread.sleep(2500);
        Api.Reply gone = s.anonymous().post("api/test/import-limits/purge?job=" + abandoned + "&keepSeconds=2", null);
        assertEquals("true", gone.body(), gone.toString());
        assertTrue(Files.notExists(abandonedFile), "deleted after its retention");
        Api.Reply refused = w.post("api/imports/" + abandoned + "/preview", null);
        assertEquals(410, refused.status(), refused.toString());
        assertEquals("import.fileGone", refused.json().get("code").asText(), refused.toString());
    }

    @Test
    void aCaseImportedTheBulkWayHasTheRowsTheApiWrites() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        // Per case, a new valid case goes the bulk way (NewUnits, UnitWriter) in one chunk.
        JsonNode bulk = done(
                w, start(w, upload(w, cases(w, "BULK", 1), CSV, "bulk.csv"), "commit", Map.of("mode", "PER_CASE")));
        assertEquals(7, bulk.at("/summary/create").asInt(), bulk.toString());
        // The same case as the API makes it: each row a request of its own to the service the API's resource
        // calls (CaseService, PartyService, ProceedingsService), one transaction each. All or nothing takes the
        // services' way; a case known from an earlier file does too.
        List<String> lines =
                new String(cases(w, "API", 1), StandardCharsets.UTF_8).lines().toList();
        for (String line : lines.subList(1, lines.size())) {
            byte[] one = (lines.get(0) + "\r\n" + line + "\r\n").getBytes(StandardCharsets.UTF_8);
            JsonNode job =
                    done(w, start(w, upload(w, one, CSV, "one.csv"), "commit", Map.of("mode", "ALL_OR_NOTHING")));
            assertEquals(1, job.at("/summary/create").asInt(), line + ": " + job);
        }
        List<String> viaBulk = CaseRows.of(ImportIT.caseOf(org, "BULK-1"));
        List<String> viaApi = CaseRows.of(ImportIT.caseOf(org, "API-1"));
        assertEquals(String.join("\n", viaApi), String.join("\n", viaBulk));
    }

    @Test
    void runawayAndCareRowsMeetTheCareServicesRulesAndUpdateOnReimport() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        String template = new String(w.getBytes("api/imports/template?format=csv"), StandardCharsets.UTF_8);
        String runaway = template.lines()
                .filter(l -> l.startsWith("WEGLOOP;"))
                .findFirst()
                .orElseThrow();
        String referral = template.lines()
                .filter(l -> l.startsWith("ZORGVERWIJZING;"))
                .findFirst()
                .orElseThrow();
        String bad = template
                + String.join(
                        "\r\n",
                        runaway.replace(";W1;", ";W2;").replace("OPEN_YOUTH_CARE", "NOPE"),
                        runaway.replace(";W1;", ";W3;").replace("2023-10-02", "2099-10-02"),
                        referral.replace(";Z1;", ";Z2;").replace("SHELTER", "NOPE"),
                        referral.replace(";Z1;", ";Z3;").replace("2024-03-05", ""))
                + "\r\n";
        JsonNode job =
                done(w, start(w, upload(w, bad.getBytes(StandardCharsets.UTF_8), CSV, "care.csv"), "preview", null));
        assertEquals(9, job.at("/summary/create").asInt(), job.toString());
        assertEquals(4, job.at("/summary/refused").asInt(), ImportIT.problems(w, job));
        String problems =
                ImportIT.problemsByRow(w, job.get("id").asLong(), "en").toString();
        for (String column : List.of("@INSTITUTION_TYPE", "@MISSING_SINCE", "@CARE_TYPE", "@REFERRED_ON")) {
            assertTrue(problems.contains(column), column + " in " + problems);
        }

        job = done(
                w,
                start(
                        w,
                        upload(w, template.getBytes(StandardCharsets.UTF_8), CSV, "t.csv"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(9, job.at("/summary/create").asInt(), job.toString());
        String found = template.replace("2023-10-20", "2023-10-21");
        job = done(
                w,
                start(
                        w,
                        upload(w, found.getBytes(StandardCharsets.UTF_8), CSV, "found.csv"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(1, job.at("/summary/update").asInt(), job.toString());
        assertEquals(8, job.at("/summary/unchanged").asInt(), job.toString());
        long caseId = ImportIT.caseOf(org, "VOORBEELD-1");
        assertEquals(
                1,
                Db.count("runaway_episode WHERE found_on = '2023-10-21' AND version = 2 AND victim_id IN "
                        + "(SELECT id FROM party WHERE case_id = " + caseId + ")"),
                "the runaway episode revised in place");
    }

    /** The job's uploaded file as the database names it, or null when it is gone. */
    private static Path file(long job) throws Exception {
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT file_path FROM import_job WHERE id = " + job)) {
            rs.next();
            return rs.getString(1) == null ? null : Path.of(rs.getString(1));
        }
    }

    /**
     * The template's example case {@code copies} times under references PREFIX-n, without its runaway
     * and care rows (which always go the services' way), so that each case can go the bulk way: seven
     * rows a case.
     */
    static byte[] cases(Api w, String prefix, int copies) {
        String template = new String(w.getBytes("api/imports/template?format=csv"), StandardCharsets.UTF_8);
        StringBuilder file = new StringBuilder(template.lines().findFirst().orElseThrow()).append("\r\n");
        List<String> example = template.lines()
                .skip(1)
                .filter(l -> !l.startsWith("WEGLOOP;") && !l.startsWith("ZORGVERWIJZING;"))
                .toList();
        for (int i = 1; i <= copies; i++) {
            for (String line : example) {
                file.append(line.replace("VOORBEELD-1", prefix + "-" + i)).append("\r\n");
            }
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Timestamp created(String table) throws Exception {
        try (Connection c = Db.connect();
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT CREATE_TIME FROM information_schema.TABLES "
                        + "WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '" + table + "'")) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    /** The application user, as the grant migration names it (any host). */
    private static String grantee() {
        return "'" + Settings.get("ketenzicht.db.user") + "'@'%'";
    }

    private static void sql(String statement) throws Exception {
        try (Connection c = Db.connect();
                Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }
}
