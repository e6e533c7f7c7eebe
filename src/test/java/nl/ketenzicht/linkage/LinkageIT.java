package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.linkage.mse.CaptureTable;
import nl.ketenzicht.linkage.mse.MseData;
import nl.ketenzicht.linkage.mse.MseEstimator;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.linkage.mse.Options;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Registrations through the API: identifying data never stored, logged or returned; the linked
 * overlap table equals the generator's truth; coordinators get estimates and refusals; uploads give
 * the command line's figures.
 */
@ExtendWith(ArquillianExtension.class)
class LinkageIT {

    /** Typed values that must appear nowhere: database, server log, any response. */
    static final List<String> PLANTED = List.of("zwanenburgxyz", "qwerlinda", "2003-02-17");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private final List<String> responses = new ArrayList<>();

    private Api.Reply keep(Api.Reply r) {
        responses.add(r.body() + " " + r.headers().map());
        return r;
    }

    /**
     * In 2012, a year no other test registers in: the maintained counts per partner type must equal the scan of
     * this test's own partners, so nobody else's registrations may fall in the year.
     */
    @Test
    void registrationsLinkToTheTruthAndLeaveNoIdentifyingTrace() throws Exception {
        long[] logged = accessLogCounts();
        Scenario s = new Scenario(base);
        long police = s.organisation("POLICE", "AMS");
        long care = s.organisation("CARE", null);
        long national = keep(s.admin()
                        .post(
                                "api/admin/organisations",
                                Json.of(
                                        "code",
                                        "NAT-" + System.nanoTime() % 100000,
                                        "name",
                                        "=HYPERLINK(\"http://x\")",
                                        "type",
                                        "NATIONAL")))
                .json()
                .get("id")
                .asLong();
        Api[] workers = {s.caseworker(police), s.caseworker(care), s.caseworker(national)};
        Api coordinator = s.user("COORDINATOR", national, null);

        var population = new SyntheticRegistrations(11, 0.3).generate(150, new double[] {0.5, 0.4, 0.3}, 2012, 1);
        for (var r : population.registrations()) {
            var id = r.identity();
            assertEquals(
                    201,
                    keep(workers[r.list()].post(
                                    "api/registrations",
                                    Json.of(
                                            "registeredOn",
                                            r.registeredOn().toString(),
                                            "municipalityCode",
                                            "GM0363",
                                            "firstName",
                                            id.firstName(),
                                            "familyName",
                                            id.familyName(),
                                            "birthDate",
                                            id.birthDate().toString(),
                                            "gender",
                                            id.gender().name())))
                            .status());
        }
        long[] truth = population.trueCountsByHistory().clone();
        plantDistinctivePerson(workers, truth);

        List<String> lists = List.of("POLICE", "CARE", "org:" + national);
        JsonNode estimate = keep(coordinator.post(
                        "api/mse/estimates", Json.of("period", Json.of("year", 2012), "lists", lists)))
                .json();
        assertPublishedCellsEqualTruth(estimate, truth, lists);
        assertTrue(
                estimate.at("/estimate/populationSize").asDouble()
                        > estimate.at("/estimate/observed").asDouble(),
                estimate.toString());
        assertTrue(estimate.at("/estimate/ciBca/lower").isNumber(), "BCa interval present: " + estimate);

        Api.Reply csv = keep(coordinator.post(
                "api/mse/exports",
                Json.of("period", Json.of("year", 2012), "lists", lists),
                Map.of("Accept", "text/csv")));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(
                csv.body().contains("'=HYPERLINK"), "a formula in an organisation name is neutralised: " + csv.body());
        assertTrue(csv.body().startsWith("section,item,value,lower,upper"), csv.body());

        JsonNode series = keep(coordinator.get(
                        "api/mse/series?fromYear=2011&toYear=2012&lists=POLICE&lists=CARE&lists=org:" + national))
                .json();
        assertTrue(series.get(0).get("refused").isTextual(), "2011 has no registrations: " + series);
        assertTrue(series.get(1).get("populationSize").isNumber(), series.toString());

        JsonNode page = keep(workers[0].get("api/registrations?limit=5")).json();
        assertEquals(5, page.get("items").size());
        long first = page.at("/items/0/id").asLong();
        keep(workers[0].get("api/registrations/" + first));
        assertEquals(
                404,
                keep(workers[1].get("api/registrations/" + first)).status(),
                "another organisation's registration");
        assertMaintainedCountsEqualTheScan(coordinator, police, care, national);
        assertEquals(
                204, keep(workers[0].delete("api/registrations/" + first, null)).status());
        assertMaintainedCountsEqualTheScan(coordinator, police, care, national);

        assertAccessLogged(logged);
        assertNoTrace();
    }

    /**
     * Partner-type lists over a year are read from the maintained counts, named partners from a scan
     * of the registrations; here each type has exactly one partner, so the two must agree cell by cell,
     * before and after a withdrawal (which re-links the person it belonged to).
     */
    private void assertMaintainedCountsEqualTheScan(Api coordinator, long police, long care, long national) {
        JsonNode types = keep(coordinator.post(
                        "api/mse/estimates",
                        Json.of(
                                "period",
                                Json.of("year", 2012),
                                "lists",
                                List.of("POLICE", "CARE", "NATIONAL"),
                                "terms",
                                List.of())))
                .json();
        JsonNode named = keep(coordinator.post(
                        "api/mse/estimates",
                        Json.of(
                                "period",
                                Json.of("year", 2012),
                                "lists",
                                List.of("org:" + police, "org:" + care, "org:" + national),
                                "terms",
                                List.of())))
                .json();
        for (String part : List.of("/overlap/cells", "/overlap/observed", "/linkage")) {
            assertEquals(
                    named.at(part).toString().replaceAll("org:\\d+", "L"),
                    types.at(part)
                            .toString()
                            .replaceAll("POLICE|CARE|NATIONAL", "L")
                            .replaceAll("org:\\d+", "L"),
                    part);
        }
        assertEquals(
                named.at("/estimate/populationSize").asDouble(),
                types.at("/estimate/populationSize").asDouble(),
                1e-9);
        JsonNode quarter = keep(coordinator.post(
                        "api/mse/estimates",
                        Json.of(
                                "period",
                                Json.of("year", 2012, "quarter", 2),
                                "lists",
                                List.of("POLICE", "CARE"),
                                "terms",
                                List.of())))
                .json();
        JsonNode quarterScan = keep(coordinator.post(
                        "api/mse/estimates",
                        Json.of(
                                "period",
                                Json.of("year", 2012, "quarter", 2),
                                "lists",
                                List.of("org:" + police, "org:" + care),
                                "terms",
                                List.of())))
                .json();
        if (quarter.has("status")) {
            // The quarter's few persons, perturbed, may leave no estimate (422): then both ways refuse alike.
            assertEquals(
                    quarter.get("code").asText(), quarterScan.get("code").asText(), "second quarter: " + quarterScan);
            return;
        }
        assertTrue(quarter.at("/overlap/observed/count").asLong() > 0, "the second quarter has persons: " + quarter);
        assertEquals(
                quarterScan.at("/overlap/cells").toString().replaceAll("org:\\d+", "L"),
                quarter.at("/overlap/cells").toString().replaceAll("POLICE|CARE", "L"),
                "second quarter");
    }

    /** Registered twice, typed differently, by police and care: one person on both lists. */
    private void plantDistinctivePerson(Api[] workers, long[] truth) {
        keep(workers[0].post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2012-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "Qwerlinda",
                        "familyName",
                        "van der Zwanenburgxyz",
                        "birthDate",
                        "2003-02-17",
                        "gender",
                        "FEMALE")));
        keep(workers[1].post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2012-06-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "QWERLINDA",
                        "familyName",
                        "Zwanenburgxyz, v.d.",
                        "birthDate",
                        "2003-02-17",
                        "gender",
                        "FEMALE")));
        truth[0b011]++;
        Api.Reply invalid = keep(workers[0].post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2012-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "Qwerlinda",
                        "familyName",
                        "Zwanenburgxyz",
                        "birthDate",
                        "2003-02-17",
                        "gender",
                        "QWERLINDA")));
        assertEquals(400, invalid.status(), invalid.body());
        Api.Reply future = keep(workers[0].post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2012-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        "Qwerlinda",
                        "familyName",
                        "Zwanenburgxyz",
                        "birthDate",
                        "2003-02-17x",
                        "gender",
                        "FEMALE")));
        assertEquals(400, future.status(), future.body());
    }

    private static void assertPublishedCellsEqualTruth(JsonNode estimate, long[] truth, List<String> lists) {
        int published = 0;
        for (JsonNode cell : estimate.at("/overlap/cells")) {
            int h = 0;
            for (JsonNode l : cell.get("lists")) {
                h |= 1 << lists.indexOf(l.asText());
            }
            // Every cell is published, perturbed: within the documented distance of the truth.
            long[] range = nl.ketenzicht.reports.stats.CellKeyPerturbation.preimage(
                    cell.get("count").asLong());
            assertTrue(
                    range[0] <= truth[h] && truth[h] <= range[1],
                    "history " + h + " (true " + truth[h] + "): " + estimate.get("overlap"));
            published += cell.get("count").asLong();
        }
        assertEquals(
                published,
                estimate.at("/overlap/observed/count").asLong(),
                "the estimate sees the published cells only");
    }

    @Test
    void uploadGivesTheCommandLineFiguresAndRefusesModelsThatDoNotExist() throws Exception {
        Scenario s = new Scenario(base);
        Api coordinator = s.user("COORDINATOR", s.organisation("NATIONAL", null), null);
        String uk = Files.readString(MseData.file("UKdat_5"));
        JsonNode view = keep(upload(coordinator, uk, "")).json();
        MseResult cli =
                new MseEstimator().estimate(CaptureTable.parseCsv(MseData.file("UKdat_5")), new Options(0.02, 1000, 1));
        assertEquals(
                cli.stepwise().populationSize(),
                view.at("/estimate/populationSize").asDouble(),
                1e-6);
        assertEquals(cli.stepwise().ci().lower(), view.at("/estimate/ci/lower").asDouble(), 1e-6);
        assertEquals(cli.bca().ci().lower(), view.at("/estimate/ciBca/lower").asDouble(), 1e-6);
        assertEquals(cli.bca().ci().upper(), view.at("/estimate/ciBca/upper").asDouble(), 1e-6);
        assertEquals(
                cli.mainEffects().populationSize(),
                view.at("/models/0/populationSize").asDouble(),
                1e-6);
        assertEquals(
                cli.stepwise().terms().toString(),
                view.at("/estimate/terms").toString().replace("\"", "").replace(",", ", "));

        String artificial = Files.readString(MseData.file("Artificial_3"));
        Api.Reply notFinite = keep(upload(coordinator, artificial, "?terms=A:B"));
        assertEquals(422, notFinite.status(), notFinite.body());
        assertEquals("NOT_FINITE", notFinite.json().get("rule").asText());
        assertEquals("mse.notFinite", notFinite.json().get("code").asText(), "the refusal's message code");
        assertTrue(!notFinite.body().contains("populationSize"), "a refusal carries no number");
        Api.Reply notIdentifiable = keep(upload(coordinator, artificial, "?terms=A:B&terms=A:C&terms=B:C"));
        assertEquals(422, notIdentifiable.status(), notIdentifiable.body());
        assertEquals("NOT_IDENTIFIABLE", notIdentifiable.json().get("rule").asText());
        assertEquals(
                200,
                keep(upload(coordinator, artificial, "?terms=A:C&terms=B:C")).status());

        Api.Reply malformed = keep(upload(coordinator, "A,B,count\n1,0,4\n0,x,3\n", ""));
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.body().contains("line 3") && malformed.body().contains("column 2"), malformed.body());
        JsonNode where = malformed.json().at("/errors/0");
        assertEquals("upload.notZeroOne", where.get("code").asText(), malformed.body());
        assertEquals(3, where.at("/params/line").asInt(), "the line as a parameter");
        assertEquals(2, where.at("/params/column").asInt(), "the column as a parameter");
        assertEquals("x", where.at("/params/found").asText(), "what was found there");
    }

    @Test
    void rolesAreEnforced() {
        Scenario s = new Scenario(base);
        long org = s.organisation("CARE", null);
        Api worker = s.caseworker(org);
        Api coordinator = s.user("COORDINATOR", org, null);
        assertEquals(
                403,
                worker.post(
                                "api/mse/estimates",
                                Json.of("period", Json.of("year", 2023), "lists", List.of("POLICE", "CARE")))
                        .status());
        assertEquals(403, coordinator.get("api/registrations").status());
        assertEquals(
                403,
                coordinator
                        .post("api/registrations", Json.of("registeredOn", "2023-05-01"))
                        .status());
        Api.Reply range = coordinator.post(
                "api/mse/estimates",
                Json.of(
                        "period",
                        Json.of("from", "2023-01-02", "to", "2023-03-31"),
                        "lists",
                        List.of("POLICE", "CARE")));
        assertEquals(400, range.status(), "only whole quarters: " + range.body());
    }

    /** The reports' regional scope holds for the dark number: no other unit, by region or by a partner named. */
    @Test
    void aRegionalCoordinatorGetsTheirOwnUnitAndTheNationalFigureOnly() {
        Scenario s = new Scenario(base);
        long amsterdamPolice = s.organisation("POLICE", "AMS");
        long rotterdamCare = s.organisation("CARE", "RDM");
        long nationalPartner = s.organisation("NATIONAL", null);
        Api amsterdam = s.user("COORDINATOR", amsterdamPolice, "AMS");
        Map<String, Object> year = Json.of("year", 2023);
        for (String path : List.of("api/mse/estimates", "api/mse/exports")) {
            assertRefused(
                    amsterdam.send(
                            "POST",
                            path,
                            Json.of("period", year, "region", "RDM", "lists", List.of("POLICE", "CARE")),
                            Map.of("Accept", "application/json")),
                    "forbidden.regionNotYours",
                    path + " of another unit");
            assertRefused(
                    amsterdam.send(
                            "POST",
                            path,
                            Json.of("period", year, "lists", List.of("POLICE", "org:" + rotterdamCare)),
                            Map.of("Accept", "application/json")),
                    "forbidden.organisationNotYours",
                    path + " naming another unit's partner");
        }
        assertRefused(
                amsterdam.get("api/mse/series?fromYear=2022&toYear=2023&region=RDM&lists=POLICE&lists=CARE"),
                "forbidden.regionNotYours",
                "series of another unit");
        assertRefused(
                amsterdam.get("api/mse/series?fromYear=2022&toYear=2023&lists=POLICE&lists=org:" + rotterdamCare),
                "forbidden.organisationNotYours",
                "series naming another unit's partner");
        for (Object region : java.util.Arrays.asList("AMS", "NATIONAL", null)) {
            Map<String, Object> body = new java.util.HashMap<>(Json.of(
                    "period", year, "lists", List.of("CARE", "org:" + amsterdamPolice, "org:" + nationalPartner)));
            body.put("region", region);
            int status = amsterdam.post("api/mse/estimates", body).status();
            assertTrue(
                    status == 200 || status == 422,
                    "own unit, national figure, own and national partners (" + region + "): " + status);
        }
        Api national = s.user("COORDINATOR", nationalPartner, null);
        int status = national.post(
                        "api/mse/estimates",
                        Json.of("period", year, "region", "RDM", "lists", List.of("POLICE", "org:" + rotterdamCare)))
                .status();
        assertTrue(status == 200 || status == 422, "a national coordinator sees every unit: " + status);
    }

    private static void assertRefused(Api.Reply r, String code, String what) {
        assertEquals(403, r.status(), what + ": " + r);
        assertTrue(r.contentType().startsWith("application/problem+json"), what + ": " + r.contentType());
        assertEquals(code, r.json().get("code").asText(), what);
    }

    private static Api.Reply upload(Api coordinator, String csv, String query) {
        return coordinator.send("POST", "api/mse/uploads" + query, csv, Map.of("Content-Type", "text/csv"));
    }

    /** Access-log rows of the kinds this class checks; other test classes log some too, so the test compares differences. */
    private static final List<String> LOGGED = List.of(
            "object_type = 'registration' AND action = 'CREATE'",
            "object_type = 'registration' AND action = 'DELETE'",
            "object_type = 'mse-estimate' AND action = 'REPORT'",
            "object_type = 'mse-estimate' AND action = 'EXPORT'",
            "object_type = 'mse-series' AND action = 'REPORT'");

    private static long[] accessLogCounts() {
        return LOGGED.stream().mapToLong(w -> Db.count("access_log WHERE " + w)).toArray();
    }

    private static void assertAccessLogged(long[] before) {
        long[] after = accessLogCounts();
        assertTrue(after[0] - before[0] >= 150, "registrations created");
        assertEquals(1, after[1] - before[1], "registration withdrawn");
        assertEquals(9, after[2] - before[2], "1 + 2 x 4 estimates");
        assertEquals(1, after[3] - before[3], "export");
        assertEquals(1, after[4] - before[4], "series");
    }

    private void assertNoTrace() throws Exception {
        for (String planted : PLANTED) {
            for (String r : responses) {
                assertTrue(!r.toLowerCase(Locale.ROOT).contains(planted), "response echoes '" + planted + "': " + r);
            }
        }
        List<String> hits = databaseHits();
        assertTrue(hits.isEmpty(), "found in the database: " + hits);
        System.out.flush();
        try (var files = Files.list(Path.of("target/failsafe-reports"))) {
            for (Path log :
                    files.filter(p -> p.toString().endsWith("-output.txt")).toList()) {
                String text = Files.readString(log).toLowerCase(Locale.ROOT);
                PLANTED.forEach(p -> assertTrue(!text.contains(p), "server log " + log + " contains '" + p + "'"));
            }
        }
    }

    /** Every text-like column of every table of the test database, searched for every planted value. */
    private static List<String> databaseHits() throws Exception {
        List<String> hits = new ArrayList<>();
        try (Connection c = Db.connect();
                Statement st = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE "
                            + "table_schema = DATABASE() AND data_type IN ('char','varchar','tinytext','text','mediumtext','longtext',"
                            + "'json','enum','set','binary','varbinary','tinyblob','blob','mediumblob','longblob','date','datetime','timestamp')")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            assertTrue(columns.size() > 50, "the search sees the schema: " + columns.size() + " columns");
            for (String[] col : columns) {
                for (String planted : PLANTED) {
                    try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM `" + col[0] + "` WHERE LOWER(CONVERT(`"
                            + col[1] + "` USING utf8mb4)) LIKE '%" + planted + "%'")) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            hits.add(col[0] + "." + col[1] + " ~ " + planted);
                        }
                    }
                }
            }
        }
        return hits;
    }
}
