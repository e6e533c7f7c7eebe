package nl.ketenzicht.imports;

import static nl.ketenzicht.imports.ImportIT.CSV;
import static nl.ketenzicht.imports.ImportIT.XLSX;
import static nl.ketenzicht.imports.ImportIT.done;
import static nl.ketenzicht.imports.ImportIT.problemsByRow;
import static nl.ketenzicht.imports.ImportIT.send;
import static nl.ketenzicht.imports.ImportIT.start;
import static nl.ketenzicht.imports.ImportIT.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The context and registration files through the import's API: each template round-trips and a
 * second import changes nothing; every rule of the API's context and registration writes refuses its
 * row with its rule's code on its column; a corrected refused-rows file imports cleanly; each kind of
 * file needs the role of the writes it makes; and no name or birth date of a registration is kept.
 */
@ExtendWith(ArquillianExtension.class)
class ImportTemplatesIT {

    private static final String CONTEXT_HEADER =
            "soort;eenheid;gemeente;jaar;fte_avim;fte_zeden;fte_digitaal;recherchepsychologen;prioriteit\n";
    private static final String REGISTRATION_HEADER =
            "soort;referentie;zaak_referentie;geregistreerd_op;gemeente;voornaam;achternaam;geboortedatum;geslacht\n";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void theContextTemplateRoundTripsAndASecondImportChangesNothing() {
        Scenario s = new Scenario(base);
        Api national = s.user("COORDINATOR", s.organisation("POLICE", null), null);
        JsonNode first = null;
        for (String format : List.of("csv", "xlsx")) {
            for (String lang : List.of("nl", "en")) {
                byte[] template =
                        national.getBytes("api/imports/template?template=context&format=" + format + "&lang=" + lang);
                JsonNode job = done(
                        national,
                        start(
                                national,
                                upload(national, template, type(format), "context." + format, "context"),
                                "commit",
                                Map.of("mode", "ALL_OR_NOTHING")));
                assertEquals("COMMITTED", job.get("status").asText(), job.toString());
                assertEquals("context", job.get("template").asText());
                assertEquals(0, job.at("/summary/refused").asInt(), ImportIT.problems(national, job));
                if (first == null) {
                    first = job;
                    assertEquals(
                            2,
                            job.at("/summary/create").asInt()
                                    + job.at("/summary/update").asInt()
                                    + job.at("/summary/unchanged").asInt());
                } else {
                    assertEquals(
                            2,
                            job.at("/summary/unchanged").asInt(),
                            format + "/" + lang + " says the same as the first: " + job);
                }
                JsonNode capacity =
                        national.get("api/context/capacity/AMS/2024").json();
                assertEquals(24.5, capacity.get("avim").asDouble(), capacity.toString());
                assertEquals(18, capacity.get("zeden").asDouble());
                assertEquals(6.8, capacity.get("digital").asDouble());
                assertEquals(1.2, capacity.get("psychologists").asDouble());
                assertTrue(national.get("api/context/priorities/GM0363/2024")
                        .json()
                        .get("priority")
                        .asBoolean());
            }
        }
        long version = national.get("api/context/capacity/AMS/2024")
                .json()
                .get("version")
                .asLong();
        String changed = CONTEXT_HEADER + "CAPACITEIT;AMS;;2024;25;18;6,8;1,2;\n";
        JsonNode job = done(
                national,
                start(
                        national,
                        upload(national, changed.getBytes(StandardCharsets.UTF_8), CSV, "changed.csv", "context"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(1, job.at("/summary/update").asInt(), job.toString());
        JsonNode after = national.get("api/context/capacity/AMS/2024").json();
        assertEquals(version + 1, after.get("version").asLong(), "a changed value is a new version");
        assertEquals(25, after.get("avim").asDouble());
        assertEquals(
                1,
                Db.count(
                        "access_log WHERE object_type = 'context-capacity' AND action = 'UPDATE' AND purpose = 'AMS 2024 v"
                                + (version + 1) + "'"),
                "the change has its access-log row");
    }

    @Test
    void everyContextRuleRefusesItsRowAndTheCorrectedRowsImportCleanly() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", null);
        Api national = s.user("COORDINATOR", org, null);
        String rows = CONTEXT_HEADER
                + "CAPACITEIT;XX;;2011;1;1;1;1;\n" // 2
                + "CAPACITEIT;AMS;;2099;1;1;1;1;\n" // 3
                + "CAPACITEIT;AMS;;2012;-1;1;1;1;\n" // 4
                + "CAPACITEIT;AMS;;2013;1,234;1;1;1;\n" // 5
                + "PRIORITEIT;;GM9999;2011;;;;;ja\n" // 6
                + "PRIORITEIT;;GM0363;2011;;;;;misschien\n" // 7
                + "PRIORITEIT;;GM0363;;;;;;ja\n" // 8
                + "ZAAK;;;2011;;;;;\n" // 9
                + "CAPACITEIT;AMS;;2014;x;1;1;1;\n" // 10
                + "CAPACITEIT;RDM;;2011;3;2;1;1;\n" // 11
                + "CAPACITEIT;rdm;;2011;3;2;1;1;\n" // 12: the same record as row 11
                + "CAPACITEIT;AMS;;2015;;1;1;1;\n"; // 13
        String before = contextFingerprint();
        JsonNode job = done(
                national,
                start(
                        national,
                        upload(national, rows.getBytes(StandardCharsets.UTF_8), CSV, "rules.csv", "context"),
                        "preview",
                        null));
        Map<Integer, List<String>> found = problemsByRow(national, job.get("id").asLong(), "en");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(2, "check.unknownPoliceUnit@POLICE_UNIT");
        expected.put(3, "check.yearTooFarAhead@YEAR");
        expected.put(4, "validation.min@FTE_AVIM");
        expected.put(5, "check.fteDecimals@FTE_AVIM");
        expected.put(6, "check.unknownMunicipality@MUNICIPALITY");
        expected.put(7, "json.expectedBoolean@PRIORITY_SET");
        expected.put(8, "validation.required@YEAR");
        expected.put(9, "import.kindUnknown@KIND");
        expected.put(10, "json.expectedNumber@FTE_AVIM");
        expected.put(12, "upload.duplicateRow@null");
        expected.put(13, "validation.required@FTE_AVIM");
        assertEquals(List.of(), missing(expected, found), "all problems: " + found);
        assertFalse(found.containsKey(11), "a row that passes has no problem: " + found);
        assertEquals(
                1, job.at("/summary/create").asInt() + job.at("/summary/update").asInt(), job.toString());
        assertEquals(before, contextFingerprint(), "a preview changes nothing");

        // A regional coordinator's rows outside their police unit are refused as the API refuses them.
        Api regional = s.user("COORDINATOR", org, "ZWB");
        String elsewhere = CONTEXT_HEADER + "CAPACITEIT;RDM;;2011;3;2;1;1;\n" + "PRIORITEIT;;GM0599;2011;;;;;ja\n"
                + "PRIORITEIT;;GM0758;2011;;;;;ja\n";
        JsonNode regionalJob = done(
                regional,
                start(
                        regional,
                        upload(regional, elsewhere.getBytes(StandardCharsets.UTF_8), CSV, "zwb.csv", "context"),
                        "preview",
                        null));
        Map<Integer, List<String>> scope =
                problemsByRow(regional, regionalJob.get("id").asLong(), "en");
        assertTrue(scope.get(2).get(0).contains("@POLICE_UNIT"), scope.toString());
        assertTrue(scope.get(2).get(0).startsWith("forbidden."), scope.toString());
        assertTrue(scope.get(3).get(0).contains("@MUNICIPALITY"), scope.toString());
        assertFalse(scope.containsKey(4), "their own municipality passes: " + scope);

        // Per row: the good row goes in; the refused rows, corrected, import cleanly.
        JsonNode committed =
                done(national, start(national, job.get("id").asLong(), "commit", Map.of("mode", "PER_CASE")));
        assertEquals("COMMITTED", committed.get("status").asText(), committed.toString());
        assertEquals(
                3.0,
                national.get("api/context/capacity/RDM/2011").json().get("avim").asDouble());
        String refused = new String(
                national.getBytes("api/imports/" + committed.get("id").asLong() + "/refused-rows?lang=nl"),
                StandardCharsets.UTF_8);
        assertTrue(
                refused.startsWith(
                        "\uFEFFsoort;gemeente;eenheid;jaar;fte_avim;fte_zeden;fte_digitaal;recherchepsychologen;prioriteit;reden"),
                refused);
        assertEquals(11, refused.lines().count() - 1, refused);
        String corrected = refused.lines()
                        .filter(l -> !l.startsWith("ZAAK") && !l.contains(";rdm;"))
                        .map(l -> l.replace(";XX;", ";ZWB;")
                                .replace(";2099;", ";2016;")
                                .replace(";-1;", ";1;")
                                .replace("1,234", "1,23")
                                .replace("GM9999", "GM0758")
                                .replace("misschien", "nee")
                                .replace(";GM0363;;;", ";GM0363;;2013;")
                                .replace(";x;", ";2;")
                                .replace(";2015;;", ";2015;1;"))
                        .reduce((a, b) -> a + "\n" + b)
                        .orElseThrow()
                + "\n";
        JsonNode again = done(
                national,
                start(
                        national,
                        upload(national, corrected.getBytes(StandardCharsets.UTF_8), CSV, "corrected.csv", "context"),
                        "preview",
                        null));
        assertEquals(
                0,
                again.at("/summary/refused").asInt(),
                problemsByRow(national, again.get("id").asLong(), "en") + "\n" + corrected);
        again = done(national, start(national, again.get("id").asLong(), "commit", Map.of("mode", "ALL_OR_NOTHING")));
        assertEquals("COMMITTED", again.get("status").asText(), again.toString());
        assertEquals(
                9,
                again.at("/summary/create").asInt()
                        + again.at("/summary/update").asInt(),
                again.toString());
        assertTrue(national.get("api/context/priorities/GM0758/2011")
                .json()
                .get("priority")
                .asBoolean());
        assertFalse(national.get("api/context/priorities/GM0363/2011")
                .json()
                .get("priority")
                .asBoolean());
        assertEquals(
                1.23,
                national.get("api/context/capacity/AMS/2013").json().get("avim").asDouble());
    }

    @Test
    void theRegistrationTemplateRoundTripsAndAChangedRowReplacesItsRegistration() {
        Scenario s = new Scenario(base);
        for (String format : List.of("csv", "xlsx")) {
            for (String lang : List.of("nl", "en")) {
                long org = s.organisation("CARE", null);
                Api w = s.caseworker(org);
                byte[] template =
                        w.getBytes("api/imports/template?template=registrations&format=" + format + "&lang=" + lang);
                JsonNode job = done(
                        w,
                        start(w, upload(w, template, type(format), "reg." + format, "registrations"), "preview", null));
                assertEquals(1, job.at("/summary/create").asInt(), ImportIT.problems(w, job));
                assertEquals(0, registrations(org).size(), "a preview keeps nothing");
                job = done(w, start(w, job.get("id").asLong(), "commit", Map.of("mode", "PER_CASE")));
                assertEquals(1, job.at("/summary/create").asInt(), job.toString());
                List<String> made = registrations(org);
                assertEquals(1, made.size());
                assertTrue(made.get(0).endsWith(":2024-03-01:GM0363:null"), made.toString());
                JsonNode listed = w.get("api/registrations").json();
                assertEquals(1, listed.get("total").asInt(), "the API shows it: " + listed);

                JsonNode again = done(
                        w,
                        start(
                                w,
                                upload(w, template, type(format), "again." + format, "registrations"),
                                "commit",
                                Map.of("mode", "ALL_OR_NOTHING")));
                assertEquals(1, again.at("/summary/unchanged").asInt(), again.toString());
                assertEquals(made, registrations(org), "importing the same file again changes nothing");
            }
        }
        // A corrected registration (another birth date) replaces the one made before, linked to an imported case.
        long org = s.organisation("CARE", null);
        Api w = s.caseworker(org);
        byte[] cases = w.getBytes("api/imports/template?format=csv");
        done(w, start(w, upload(w, cases, CSV, "cases.csv"), "commit", Map.of("mode", "PER_CASE")));
        String first = REGISTRATION_HEADER + "REGISTRATIE;REG-9;;2024-03-01;GM0363;Fleur;de Vries;2007-02-03;FEMALE\n";
        done(
                w,
                start(
                        w,
                        upload(w, first.getBytes(StandardCharsets.UTF_8), CSV, "a.csv", "registrations"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        List<String> before = registrations(org);
        String fixed = REGISTRATION_HEADER
                + "REGISTRATIE;REG-9;VOORBEELD-1;2024-03-01;GM0363;Fleur;de Vries;2007-03-02;FEMALE\n";
        JsonNode job = done(
                w,
                start(
                        w,
                        upload(w, fixed.getBytes(StandardCharsets.UTF_8), CSV, "b.csv", "registrations"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(1, job.at("/summary/update").asInt(), ImportIT.problems(w, job));
        List<String> after = registrations(org);
        assertEquals(1, after.size(), "replaced, not added: " + after);
        assertFalse(before.equals(after), "a new registration with new keys");
        assertTrue(after.get(0).endsWith(":" + ImportIT.caseOf(org, "VOORBEELD-1")), after.toString());
        assertEquals(
                1,
                Db.count("access_log WHERE organisation_id = " + org
                        + " AND object_type = 'registration' AND action = 'DELETE'"),
                "the withdrawal of the replaced registration is logged");
        assertNoIdentityKept(org, List.of("Fleur", "Vries", "2007-02-03", "2007-03-02", "Anna", "Jansen"));
        assertOverlapEqualsRecount();
    }

    @Test
    void everyRegistrationRuleRefusesItsRowAndNoIdentityIsKept() {
        Scenario s = new Scenario(base);
        long org = s.organisation("CARE", null);
        Api w = s.caseworker(org);
        String ok = ";GM0363;Sanne;Bakker;2006-01-02;FEMALE\n";
        String rows = REGISTRATION_HEADER
                + "REGISTRATIE;R1;;2024-03-01;GM0363;Sanne;Bakker;2025-05-17;FEMALE\n" // 2
                + "REGISTRATIE;R2;;2999-01-01" + ok // 3
                + "REGISTRATIE;R3;;2024-03-01;GM9999;Sanne;Bakker;2006-01-02;FEMALE\n" // 4
                + "REGISTRATIE;R4;;2024-03-01;GM0363;!!!;Bakker;2006-01-02;FEMALE\n" // 5
                + "REGISTRATIE;R5;;2024-03-01;GM0363;Sanne;;2006-01-02;FEMALE\n" // 6
                + "REGISTRATIE;R6;NOPE;2024-03-01" + ok // 7
                + "REGISTRATIE;R7;;2024-03-01;GM0363;Sanne;Bakker;2006-01-02;ONBEKEND\n" // 8
                + "REGISTRATIE;R8;;2024-03-01;GM0363;Sanne;Bakker;31-02-2006;FEMALE\n" // 9
                + "REGISTRATIE;R9;;2024-03-01" + ok // 10
                + "REGISTRATIE;R9;;2024-03-02" + ok // 11
                + "REGISTRATIE;R10;;2024-03-01;GM0363;" + "S".repeat(101) + ";Bakker;2006-01-02;FEMALE\n" // 12
                + "REGISTRATIE;;;2024-03-01" + ok // 13
                + "CAPACITEIT;R11;;2024-03-01" + ok; // 14
        JsonNode job = done(
                w,
                start(
                        w,
                        upload(w, rows.getBytes(StandardCharsets.UTF_8), CSV, "rules.csv", "registrations"),
                        "preview",
                        null));
        Map<Integer, List<String>> found = problemsByRow(w, job.get("id").asLong(), "en");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(2, "check.registrationBeforeBirth@REGISTERED_ON");
        expected.put(3, "check.dateInFuture@REGISTERED_ON");
        expected.put(4, "check.unknownMunicipality@MUNICIPALITY");
        expected.put(5, "check.nameNeedsLetter@FIRST_NAME");
        expected.put(6, "validation.required@FAMILY_NAME");
        expected.put(7, "import.caseUnknown@CASE_REF");
        expected.put(8, "json.valueNotAllowed@GENDER");
        expected.put(9, "json.expectedDate@BIRTH_DATE");
        expected.put(11, "upload.duplicateRow@null");
        expected.put(12, "validation.lengthMax@FIRST_NAME");
        expected.put(13, "validation.required@REFERENCE");
        expected.put(14, "import.kindUnknown@KIND");
        assertEquals(List.of(), missing(expected, found), "all problems: " + found);
        assertFalse(found.containsKey(10), found.toString());
        JsonNode dutch = w.get("api/imports/" + job.get("id").asLong() + "/problems?lang=nl&limit=1000")
                .json();
        assertTrue(dutch.toString().contains("geboortedatum"), "Dutch column names: " + dutch);

        job = done(w, start(w, job.get("id").asLong(), "commit", Map.of("mode", "PER_CASE")));
        assertEquals(1, job.at("/summary/create").asInt(), job.toString());
        assertEquals(1, registrations(org).size());
        assertNoIdentityKept(org, List.of("Sanne", "Bakker", "2006-01-02", "2025-05-17"));
    }

    @Test
    void eachKindOfFileNeedsTheRoleOfItsWrites() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api worker = s.caseworker(org);
        Api coordinator = s.user("COORDINATOR", org, null);
        Api admin = s.user("ADMIN", org, null);
        Api auditor = s.user("AUDITOR", org, null);
        assertEquals(
                "[{\"template\":\"cases\"},{\"template\":\"registrations\"}]",
                worker.get("api/imports/templates").json().toString());
        assertEquals(
                "[{\"template\":\"context\"}]",
                coordinator.get("api/imports/templates").json().toString());
        assertEquals(
                "[{\"template\":\"context\"}]",
                admin.get("api/imports/templates").json().toString());
        assertEquals(403, auditor.get("api/imports/templates").status());
        assertEquals(403, auditor.get("api/imports").status());

        byte[] context = coordinator.getBytes("api/imports/template?template=context&format=csv");
        byte[] registrations = worker.getBytes("api/imports/template?template=registrations&format=csv");
        assertEquals(403, send(worker, context, CSV, "c.csv", "context").statusCode());
        assertEquals(
                403,
                send(coordinator, registrations, CSV, "r.csv", "registrations").statusCode());
        assertEquals(
                403, send(admin, registrations, CSV, "r.csv", "registrations").statusCode());
        assertEquals(403, coordinator.get("api/imports/template?format=csv").status(), "not a case file's template");
        assertEquals(403, worker.get("api/imports/columns?template=context").status());
        Api.Reply bogus = worker.get("api/imports/template?template=pilots");
        assertEquals(400, bogus.status());
        assertTrue(bogus.body().contains("\"template\""), "names the parameter: " + bogus.body());
        assertEquals(400, send(worker, registrations, CSV, "r.csv", "pilots").statusCode());

        // A file of one kind uploaded as another is refused whole for its unknown columns.
        var asCases = send(worker, registrations, CSV, "r.csv", "cases");
        assertEquals(400, asCases.statusCode(), asCases.body());
        assertTrue(asCases.body().contains("import.columnUnknown"), asCases.body());

        long contextJob = upload(admin, context, CSV, "c.csv", "context");
        long registrationJob = upload(worker, registrations, CSV, "r.csv", "registrations");
        assertEquals(404, worker.get("api/imports/" + contextJob).status(), "a job of another kind is absent");
        assertEquals(404, coordinator.get("api/imports/" + registrationJob).status());
        assertEquals(200, coordinator.get("api/imports/" + contextJob).status(), "the organisation's context job");
        List<String> seen = new ArrayList<>();
        worker.get("api/imports").json().forEach(j -> seen.add(j.get("template").asText()));
        assertEquals(List.of("registrations"), seen, "the list holds the kinds the role imports");
        JsonNode columns =
                coordinator.get("api/imports/columns?template=context&lang=en").json();
        assertEquals("kind", columns.get(0).get("header").asText());
    }

    /** The dark number's overlap counts (nationally, per year) equal a recount from the registrations themselves. */
    private static void assertOverlapEqualsRecount() {
        List<String> types = List.of("POLICE", "OM", "CARE", "YOUTH_CARE", "NATIONAL", "KMAR", "INSPECTORATE", "OTHER");
        Map<String, Long> recount = new java.util.TreeMap<>();
        rows("SELECT CONCAT(y, ':', t) FROM (SELECT person_id, YEAR(registered_on) y, "
                        + "GROUP_CONCAT(DISTINCT organisation_type ORDER BY organisation_type) t FROM registration "
                        + "GROUP BY person_id, YEAR(registered_on)) p")
                .lines()
                .forEach(l -> recount.merge(l, 1L, Long::sum));
        Map<String, Long> stored = new java.util.TreeMap<>();
        rows("SELECT CONCAT(period_year, ':', type_mask, ':', persons) FROM overlap_count "
                        + "WHERE period_quarter = 0 AND police_unit = '' AND persons <> 0")
                .lines()
                .forEach(l -> {
                    String[] f = l.split(":");
                    int mask = Integer.parseInt(f[1]);
                    String set = java.util.stream.IntStream.range(0, types.size())
                            .filter(i -> (mask & (1 << i)) != 0)
                            .mapToObj(types::get)
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(","));
                    stored.put(f[0] + ":" + set, Long.parseLong(f[2]));
                });
        assertFalse(recount.isEmpty());
        assertEquals(recount, stored, "overlap counts equal the recount");
    }

    private static String type(String format) {
        return format.equals("csv") ? CSV : XLSX;
    }

    private static List<String> missing(Map<Integer, String> expected, Map<Integer, List<String>> found) {
        List<String> missing = new ArrayList<>();
        expected.forEach((row, code) -> {
            List<String> got = found.getOrDefault(row, List.of());
            String[] parts = code.split("@", -1);
            if (got.stream().noneMatch(g -> g.startsWith(parts[0]) && g.contains("@" + parts[1] + " "))) {
                missing.add("row " + row + " expected " + code + " got " + got);
            }
        });
        return missing;
    }

    /** Every capacity and priority with its version. */
    private static String contextFingerprint() {
        return rows("SELECT CONCAT_WS(':', police_unit, year, version) FROM context_capacity ORDER BY 1")
                + rows("SELECT CONCAT_WS(':', municipality_code, year, version) FROM context_priority ORDER BY 1");
    }

    /** The organisation's registrations: id, linkage key, day, municipality, case. */
    private static List<String> registrations(long org) {
        return List.of(
                        rows("SELECT CONCAT_WS(':', id, key_full, registered_on, municipality_code, IFNULL(case_id, 'null')) "
                                        + "FROM registration WHERE organisation_id = " + org + " ORDER BY id")
                                .split("\n"))
                .stream()
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** No import table, access-log row or registration holds a name or birth date of the file. */
    private static void assertNoIdentityKept(long org, List<String> values) {
        for (String v : values) {
            String like = "'%" + v + "%'";
            assertEquals(
                    0,
                    Db.count("import_problem p JOIN import_job j ON j.id = p.job_id WHERE j.organisation_id = " + org
                            + " AND (p.params LIKE " + like + " OR p.message LIKE " + like + ")"),
                    v + " in a stored problem");
            assertEquals(
                    0,
                    Db.count("import_reference WHERE organisation_id = " + org + " AND (external_ref LIKE " + like
                            + " OR row_hash LIKE " + like + ")"),
                    v + " in a reference");
            assertEquals(
                    0,
                    Db.count("access_log WHERE organisation_id = " + org + " AND purpose LIKE " + like),
                    v + " in the access log");
        }
    }

    private static String rows(String sql) {
        StringBuilder sb = new StringBuilder();
        try (Connection c = Db.connect();
                PreparedStatement q = c.prepareStatement(sql);
                ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                sb.append(rs.getString(1)).append('\n');
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }
}
