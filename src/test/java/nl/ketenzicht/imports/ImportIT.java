package nl.ketenzicht.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ketenzicht.reports.aggregates.AggregateRebuild;
import nl.ketenzicht.reports.aggregates.CounterCheck;
import nl.ketenzicht.reports.aggregates.VictimCountCheck;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Scenario;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bulk import through its API on the shared server: templates round-trip, every rule refuses its row
 * with its rule name in the preview, a re-import changes nothing, a corrected refused-rows file
 * imports cleanly, reports equal a recount afterwards, a corpus of bad files is refused whole with
 * nothing changed, and another organisation's case stays out of reach. Each test works in
 * organisations of its own.
 */
@ExtendWith(ArquillianExtension.class)
class ImportIT {

    static final String CSV = "text/csv";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void eachTemplateRoundTripsAndASecondImportChangesNothing() {
        Scenario s = new Scenario(base);
        for (String format : List.of("csv", "xlsx")) {
            for (String lang : List.of("nl", "en")) {
                long org = s.organisation("POLICE", "LB");
                Api w = s.caseworker(org);
                byte[] template = w.getBytes("api/imports/template?format=" + format + "&lang=" + lang);
                JsonNode job = done(
                        w,
                        start(
                                w,
                                upload(w, template, format.equals("csv") ? CSV : XLSX, "template." + format),
                                "preview",
                                null));
                assertEquals("PREVIEWED", job.get("status").asText(), job.toString());
                assertEquals(9, job.at("/summary/create").asInt(), format + "/" + lang + ": " + problems(w, job));
                assertEquals(0, job.at("/summary/refused").asInt());
                assertEquals(0, Db.count("import_reference WHERE organisation_id = " + org), "a preview keeps nothing");

                job = done(w, start(w, job.get("id").asLong(), "commit", Map.of("mode", "PER_CASE")));
                assertEquals("COMMITTED", job.get("status").asText(), job.toString());
                assertEquals(9, job.at("/summary/create").asInt());
                assertEquals(100, job.at("/progress/percent").asInt());
                long caseId = caseOf(org, "VOORBEELD-1");
                JsonNode c = w.get("api/cases/" + caseId).json();
                assertEquals("GM0363", c.get("municipalityCode").asText());
                assertEquals("AMBTSHALVE", c.get("origin").asText());
                assertEquals(3, Db.count("party WHERE case_id = " + caseId));
                assertEquals(
                        2,
                        Db.count(
                                "chain_event WHERE party_id IN (SELECT id FROM party WHERE case_id = " + caseId + ")"));
                assertEquals(
                        1,
                        Db.count("aangifte_event WHERE victim_id IN (SELECT id FROM party WHERE case_id = " + caseId
                                + ")"));
                assertEquals(
                        1, Db.count("charge WHERE party_id IN (SELECT id FROM party WHERE case_id = " + caseId + ")"));
                String victims = "(SELECT id FROM party WHERE case_id = " + caseId + " AND kind = 'VICTIM')";
                assertEquals(1, Db.count("runaway_episode WHERE victim_id IN " + victims));
                assertEquals(1, Db.count("care_referral WHERE victim_id IN " + victims));
                assertEquals(
                        8,
                        Db.count("access_log WHERE organisation_id = " + org
                                + " AND action = 'CREATE' AND outcome = 'SUCCESS'"),
                        "every created record has its access-log row, in the uploader's name");

                String before = fingerprint(org);
                JsonNode again = done(
                        w,
                        start(
                                w,
                                upload(w, template, format.equals("csv") ? CSV : XLSX, "again." + format),
                                "commit",
                                Map.of("mode", "ALL_OR_NOTHING")));
                assertEquals("COMMITTED", again.get("status").asText(), again.toString());
                assertEquals(9, again.at("/summary/unchanged").asInt(), again.toString());
                assertEquals(before, fingerprint(org), "importing the same file again changes nothing");
            }
        }
    }

    @Test
    void everyRuleRefusesItsRowWithItsRuleNameAndTheCorrectedRowsImportCleanly() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        long other = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        long othersCase = s.caseworker(other)
                .post("api/cases", nl.ketenzicht.support.ChainData.aCase())
                .json()
                .get("id")
                .asLong();
        String header =
                "soort;zaak_referentie;referentie;ketenzicht_zaak_id;gemeente;geopend_op;herkomst;uitbuitingsvormen;teamtype;"
                        + "aantal_verdachten;netwerk;geslacht;geboortejaar;geboortemaand;uitbuiting_begonnen_op;slachtoffers;partij_referentie;"
                        + "datum;fase;uitspraak;artikel;wetsversie;pleegdatum;aangifte_soort;redenen\n";
        String ok = ";;GM0363;2024-03-01;AMBTSHALVE;SEXUAL;AVIM;1;nee";
        String rows = header
                + "ZAAK;R1;R1;;GM9999;2024-03-01;AMBTSHALVE;SEXUAL;AVIM;1;nee;;;;;;;;;;;;;;\n" // 2
                + "ZAAK;R2;R2;;GM0363;2999-01-01;AMBTSHALVE;SEXUAL;AVIM;1;nee;;;;;;;;;;;;;;\n" // 3
                + "ZAAK;R3;R3;;GM0363;2024-03-01;SIGNAL;SEXUAL;AVIM;1;nee;;;;;;;;;;;;;;\n" // 4
                + "ZAAK;R4;R4" + ok + ";;;;;;;;;;;;;;\n" // 5
                + "SLACHTOFFER;R4;S1;;;;;;;;;FEMALE;;4;;;;;;;;;;;\n" // 6
                + "SLACHTOFFER;R4;S2;;;;;;;;;FEMALE;2010;;2005-01-01;;;;;;;;;;\n" // 7
                + "ZAAK;R5;R5" + ok + ";;;;;;;;;;;;;;\n" // 8
                + "VERDACHTE;R5;V1;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 9
                + "KETENSTAP;R5;K1;;;;;;;;;;;;;;V1;2024-03-05;OM_INFLOW;;;;;;\n" // 10
                + "VERDACHTE;R5;V2;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 11
                + "KETENSTAP;R5;K2;;;;;;;;;;;;;;V2;2024-03-05;IN_VIEW;;999x;SR;2024-01-10;;\n" // 12
                + "ZAAK;R6;R6" + ok + ";;;;;;;;;;;;;;\n" // 13
                + "SLACHTOFFER;R6;S1;;;;;;;;;FEMALE;2000;;;;;;;;;;;;\n" // 14
                + "AANGIFTE;R6;A1;;;;;;;;;;;;;;S1;2024-03-04;;;;;;DECLINED;\n" // 15
                + "ZAAK;R7;R7" + ok + ";;;;;;;;;;;;;;\n" // 16
                + "VERDACHTE;R7;V1;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 17
                + "KETENSTAP;R7;K1;;;;;;;;;;;;;;V1;2024-03-05;IN_VIEW;;;;;;\n" // 18
                + "KETENSTAP;R7;K2;;;;;;;;;;;;;;V1;2024-03-01;OM_INFLOW;;;;;;\n" // 19
                + "ZAAK;R8;R8" + ok + ";;;;;;;;;;;;;;\n" // 20
                + "VERDACHTE;R8;V1;;;;;;;;;MALE;1990;;;NOPE;;;;;;;;;\n" // 21
                + "ZAAK;R9;R9" + ok + ";;;;;;;;;;;;;;\n" // 22
                + "SLACHTOFFER;R9;S1;;;;;;;;;ONBEKEND;abc;;;;;;;;;;;;\n" // 23
                + "VERDACHTE;R10;V1;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 24
                + "ZAAK;R11;R11;;GM0363;2024-03-01;AMBTSHALVE;SEXUAL;AVIM;501;nee;;;;;;;;;;;;;;\n" // 25
                + "ZAAK;R12;R12" + ok + ";;;;;;;;;;;;;;\n" // 26
                + "VERDACHTE;R12;V1;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 27
                + "KETENSTAP;R12;K1;;;;;;;;;;;;;;V1;2024-03-05;IN_VIEW;;;;;;\n" // 28
                + "KETENSTAP;R12;K2;;;;;;;;;;;;;;V1;2024-04-05;VERDICT;CONVICTION;;;;;\n" // 29
                + "ZAAK;R13;R13" + ok + ";;;;;;;;;;;;;;\n" // 30
                + "VERDACHTE;R13;V1;;;;;;;;;MALE;1990;;;;;;;;;;;;\n" // 31
                + "KETENSTAP;R13;K1;;;;;;;;;;;;;;V1;2024-03-05;IN_VIEW;;;;;;\n" // 32
                + "KETENSTAP;R13;K2;;;;;;;;;;;;;;V1;2024-03-06;IN_VIEW;;;;;;\n" // 33
                + "ZAAK;R14;R14;" + othersCase + ";GM0363;2024-03-01;AMBTSHALVE;SEXUAL;AVIM;1;nee;;;;;;;;;;;;;;\n" // 34
                + "ZAAK;R15;R15" + ok + ";;;;;;;;;;;;;;\n" // 35
                + "DOSSIER;R16;X1;;;;;;;;;;;;;;;;;;;;;;\n"; // 36
        String before = fingerprint(org);
        JsonNode job =
                done(w, start(w, upload(w, rows.getBytes(StandardCharsets.UTF_8), CSV, "rules.csv"), "preview", null));
        assertEquals("PREVIEWED", job.get("status").asText(), job.toString());
        Map<Integer, List<String>> found = problemsByRow(w, job.get("id").asLong(), "en");
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(2, "check.unknownMunicipality@MUNICIPALITY");
        expected.put(3, "check.dateInFuture@OPENED_ON");
        expected.put(4, "check.signallerRequired@SIGNALLER");
        expected.put(6, "BIRTH_MONTH_NEEDS_YEAR@BIRTH_MONTH");
        expected.put(7, "EXPLOITATION_BEFORE_BIRTH@EXPLOITATION_STARTED_ON");
        expected.put(10, "OM_INFLOW_NEEDS_IN_VIEW@STAGE");
        expected.put(12, "ARTICLE_UNKNOWN@ARTICLE");
        expected.put(15, "DECLINED_NEEDS_REASON@REASONS");
        expected.put(19, "CHAIN_DATE_BEFORE_PREVIOUS@DATE");
        expected.put(21, "import.partyUnknown@LINKED_VICTIMS");
        expected.put(23, "json.valueNotAllowed@GENDER");
        expected.put(24, "import.caseUnknown@CASE_REF");
        expected.put(25, "validation.max@SUSPECT_COUNT");
        expected.put(29, "VERDICT_NEEDS_OM_INFLOW@STAGE");
        expected.put(33, "STAGE_ONCE@STAGE");
        expected.put(34, "notFound@CASE_ID");
        expected.put(36, "import.kindUnknown@KIND");
        List<String> missing = new ArrayList<>();
        expected.forEach((row, code) -> {
            List<String> got = found.getOrDefault(row, List.of());
            if (got.stream().noneMatch(g -> g.startsWith(code.split("@")[0]) && g.contains("@" + code.split("@")[1]))) {
                missing.add("row " + row + " expected " + code + " got " + got);
            }
        });
        assertEquals(List.of(), missing, "all problems: " + found);
        assertTrue(
                found.get(23).stream().anyMatch(g -> g.startsWith("json.expectedNumber@BIRTH_YEAR")),
                "every problem of a row: " + found.get(23));
        assertTrue(
                found.get(10).stream().anyMatch(g -> g.contains("[rule OM_INFLOW_NEEDS_IN_VIEW]")),
                "the rule's name: " + found.get(10));
        assertEquals(before, fingerprint(org), "a preview changes nothing");
        assertEquals(
                0,
                found.keySet().stream()
                        .filter(r -> List.of(5, 8, 9, 11, 13, 14, 16, 17, 18, 20, 22, 26, 27, 28, 30, 31, 32, 35)
                                .contains(r))
                        .count(),
                "rows that pass have no problem: " + found);
        JsonNode dutch = w.get("api/imports/" + job.get("id").asLong() + "/problems?lang=nl&limit=1000")
                .json();
        assertTrue(dutch.get("items").toString().contains("geboortejaar"), "Dutch column names and texts: " + dutch);

        // Per case: the cases without a refused row go in, the others stay out whole.
        JsonNode committed = done(w, start(w, job.get("id").asLong(), "commit", Map.of("mode", "PER_CASE")));
        assertEquals("COMMITTED", committed.get("status").asText(), committed.toString());
        assertEquals(
                1,
                Db.count("import_reference WHERE organisation_id = " + org + " AND record_type = 'CASE'"),
                "only R15 has no refused row");
        String refused = new String(
                w.getBytes("api/imports/" + committed.get("id").asLong() + "/refused-rows?lang=nl"),
                StandardCharsets.UTF_8);
        assertTrue(refused.startsWith("\uFEFFsoort;zaak_referentie;referentie;"), refused);
        assertTrue(refused.lines().findFirst().orElseThrow().endsWith(";reden"), refused);
        assertEquals(35 - 1, refused.lines().count() - 1, "every row of a refused case, and only those: " + refused);

        // The refused rows corrected (another organisation's case left out) import cleanly.
        String corrected = corrected(
                refused,
                Map.ofEntries(
                        Map.entry("R1/R1", Map.of("gemeente", "GM0363")),
                                Map.entry("R2/R2", Map.of("geopend_op", "2024-03-01")),
                        Map.entry("R3/R3", Map.of("herkomst", "AMBTSHALVE")),
                                Map.entry("R4/S1", Map.of("geboortejaar", "2008")),
                        Map.entry("R4/S2", Map.of("geboortejaar", "2000")),
                                Map.entry("R5/K1", Map.of("fase", "IN_VIEW")),
                        Map.entry("R5/K2", Map.of("artikel", "273f")),
                                Map.entry("R6/A1", Map.of("redenen", "FEAR_SUSPECT")),
                        Map.entry("R7/K2", Map.of("datum", "2024-03-07")),
                                Map.entry("R8/V1", Map.of("slachtoffers", "")),
                        Map.entry("R9/S1", Map.of("geslacht", "FEMALE", "geboortejaar", "2001")),
                                Map.entry("R11/R11", Map.of("aantal_verdachten", "5")),
                        Map.entry("R12/K2", Map.of("fase", "OM_INFLOW", "uitspraak", "")),
                                Map.entry("R13/K2", Map.of("fase", "OM_INFLOW"))),
                List.of("R10", "R14", "R16"));
        JsonNode again = done(
                w,
                start(w, upload(w, corrected.getBytes(StandardCharsets.UTF_8), CSV, "corrected.csv"), "preview", null));
        assertEquals(
                0,
                again.at("/summary/refused").asInt(),
                "corrected: " + problemsByRow(w, again.get("id").asLong(), "en") + "\n" + corrected);
        again = done(w, start(w, again.get("id").asLong(), "commit", Map.of("mode", "ALL_OR_NOTHING")));
        assertEquals("COMMITTED", again.get("status").asText(), again.toString());
        assertEquals(13, Db.count("import_reference WHERE organisation_id = " + org + " AND record_type = 'CASE'"));
    }

    @Test
    void aRowOfAnotherOrganisationsCaseLeavesAllOrNothingWithNothingApplied() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        long othersCase = s.caseworker(s.organisation("POLICE", "LB"))
                .post("api/cases", nl.ketenzicht.support.ChainData.aCase())
                .json()
                .get("id")
                .asLong();
        String before = fingerprint(org);
        String file =
                "soort,zaak_referentie,referentie,ketenzicht_zaak_id,gemeente,geopend_op,herkomst,uitbuitingsvormen,teamtype,aantal_verdachten,netwerk\n"
                        + "ZAAK,A1,A1,,GM0363,2024-03-01,AMBTSHALVE,SEXUAL,AVIM,1,nee\n"
                        + "ZAAK,A2,A2," + othersCase + ",GM0363,2024-03-01,AMBTSHALVE,SEXUAL,AVIM,1,nee\n";
        JsonNode job = done(
                w,
                start(
                        w,
                        upload(w, file.getBytes(StandardCharsets.UTF_8), CSV, "scope.csv"),
                        "commit",
                        Map.of("mode", "ALL_OR_NOTHING")));
        assertEquals("FAILED", job.get("status").asText(), job.toString());
        assertEquals("import.nothingApplied", job.at("/failure/code").asText());
        assertEquals(before, fingerprint(org), "nothing of the file was applied");
        assertEquals(0, w.get("api/cases?limit=10").json().get("total").asInt());
        Map<Integer, List<String>> problems = problemsByRow(w, job.get("id").asLong(), "en");
        assertTrue(
                problems.get(3).get(0).startsWith("notFound@CASE_ID"),
                "another organisation's case looks absent: " + problems);
    }

    @Test
    void onlyCaseWorkersImportAndAJobIsItsOrganisationsOwn() {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        byte[] template = w.getBytes("api/imports/template?format=csv");
        long id = upload(w, template, CSV, "t.csv");
        Api stranger = s.caseworker(s.organisation("POLICE", "LB"));
        assertEquals(404, stranger.get("api/imports/" + id).status());
        assertEquals(404, stranger.post("api/imports/" + id + "/preview", null).status());
        Api coordinator = s.user("COORDINATOR", org, null);
        assertEquals(
                404,
                coordinator.get("api/imports/" + id).status(),
                "a coordinator imports context only: a case file's job is absent to them");
        assertEquals(403, send(coordinator, template, CSV, "t.csv").statusCode());
        assertEquals(400, w.get("api/imports/template?format=pdf").status());
        assertEquals(
                409, w.post("api/imports/" + id + "/cancellation", null).status(), "only a running job is cancelled");
    }

    @Test
    void reportsEqualARecountAfterAnImport() throws Exception {
        recountAggregates();
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        StringBuilder file =
                new StringBuilder(new String(w.getBytes("api/imports/template?format=csv"), StandardCharsets.UTF_8));
        List<String> example = file.toString().lines().skip(1).toList();
        for (int i = 2; i <= 6; i++) {
            for (String line : example) {
                file.append(line.replace("VOORBEELD-1", "REP-" + i)).append("\r\n");
            }
        }
        JsonNode job = done(
                w,
                start(
                        w,
                        upload(w, file.toString().getBytes(StandardCharsets.UTF_8), CSV, "reports.csv"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(54, job.at("/summary/create").asInt(), job.toString());
        assertCountersEqualRecount();
        // A revision through the import (another municipality) keeps them exact too.
        String revised = file.toString().replace("GM0363", "GM0599");
        job = done(
                w,
                start(
                        w,
                        upload(w, revised.getBytes(StandardCharsets.UTF_8), CSV, "revised.csv"),
                        "commit",
                        Map.of("mode", "PER_CASE")));
        assertEquals(6, job.at("/summary/update").asInt(), job.toString());
        assertCountersEqualRecount();
    }

    @Test
    void aCorpusOfBadFilesIsRefusedWholeAndChangesNothing() throws IOException {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        Api w = s.caseworker(org);
        String header = "soort;zaak_referentie;referentie\n";
        byte[] template = w.getBytes("api/imports/template?format=xlsx");
        Map<String, Bad> corpus = new LinkedHashMap<>();
        corpus.put("empty", new Bad(new byte[0], CSV, "import.fileEmpty"));
        corpus.put("blank lines", new Bad("\n\n  \r\n".getBytes(StandardCharsets.UTF_8), CSV, "import.fileEmpty"));
        corpus.put(
                "byte-order mark only",
                new Bad(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, CSV, "import.fileEmpty"));
        corpus.put("header only", new Bad(header.getBytes(StandardCharsets.UTF_8), CSV, "import.noDataRows"));
        corpus.put(
                "header and blank rows",
                new Bad((header + ";;\n\n;;\n").getBytes(StandardCharsets.UTF_8), CSV, "import.noDataRows"));
        corpus.put(
                "png",
                new Bad(
                        new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'
                        },
                        CSV,
                        "import.fileType"));
        corpus.put(
                "pdf",
                new Bad(
                        "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n\u0000\u0001\u0002stream"
                                .getBytes(StandardCharsets.ISO_8859_1),
                        CSV,
                        "import.fileType"));
        corpus.put(
                "old xls",
                new Bad(
                        new byte[] {
                            (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
                        },
                        XLSX,
                        "import.fileType"));
        corpus.put(
                "utf-16",
                new Bad(
                        ("\uFEFF" + header + "ZAAK;Z;Z\n").getBytes(StandardCharsets.UTF_16LE),
                        CSV,
                        "import.fileType"));
        corpus.put(
                "gzip",
                new Bad(new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3}, CSV, "import.fileType"));
        corpus.put(
                "unknown column",
                new Bad(
                        (header.strip() + ";kleur\nZAAK;Z;Z;rood\n").getBytes(StandardCharsets.UTF_8),
                        CSV,
                        "import.columnUnknown"));
        corpus.put(
                "missing column",
                new Bad(
                        "zaak_referentie;referentie\nZ;Z\n".getBytes(StandardCharsets.UTF_8),
                        CSV,
                        "import.columnMissing"));
        corpus.put(
                "duplicate header",
                new Bad(
                        "soort;soort;zaak_referentie;referentie\nZAAK;ZAAK;Z;Z\n".getBytes(StandardCharsets.UTF_8),
                        CSV,
                        "import.columnDuplicate"));
        corpus.put(
                "duplicate through alias",
                new Bad(
                        "soort;zaak_referentie;referentie;reference\nZAAK;Z;Z;Z\n".getBytes(StandardCharsets.UTF_8),
                        CSV,
                        "import.columnDuplicate"));
        corpus.put(
                "blank header between",
                new Bad(
                        "soort;;zaak_referentie;referentie\nZAAK;x;Z;Z\n".getBytes(StandardCharsets.UTF_8),
                        CSV,
                        "import.columnUnknown"));
        corpus.put(
                "unclosed quote",
                new Bad((header + "ZAAK;\"Z;Z\n").getBytes(StandardCharsets.UTF_8), CSV, "import.fileUnreadable"));
        corpus.put(
                "zip that is no workbook",
                new Bad(
                        zip(Map.of("readme.txt", "hallo".getBytes(StandardCharsets.UTF_8))),
                        XLSX,
                        "import.fileUnreadable"));
        corpus.put(
                "truncated workbook",
                new Bad(java.util.Arrays.copyOf(template, template.length / 2), XLSX, "import.fileUnreadable"));
        corpus.put("formula", new Bad(xlsx(true), XLSX, "import.formula"));
        corpus.put("empty sheet", new Bad(xlsxEmpty(), XLSX, "import.fileEmpty"));
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i < 300; i++) {
            many.put("part" + i + ".xml", new byte[] {'<', 'a', '/', '>'});
        }
        corpus.put("too many parts", new Bad(zip(many), XLSX, "import.xlsxTooManyEntries"));
        String before = fingerprint(org);
        List<String> wrong = new ArrayList<>();
        corpus.forEach((name, bad) -> check(w, name, bad, 400, wrong));
        Api anonymous = s.anonymous();
        try {
            limits(anonymous, "maxExpandedBytes=5000000");
            check(
                    w,
                    "zip bomb",
                    new Bad(zip(Map.of("xl/worksheets/sheet1.xml", new byte[20_000_000])), XLSX, "import.xlsxExpands"),
                    400,
                    wrong);
            limits(anonymous, "maxRows=3");
            check(
                    w,
                    "too many rows",
                    new Bad(
                            (header + "ZAAK;A;A\nZAAK;B;B\nZAAK;C;C\nZAAK;D;D\n").getBytes(StandardCharsets.UTF_8),
                            CSV,
                            "import.tooManyRows"),
                    400,
                    wrong);
            limits(anonymous, "maxFileBytes=1000");
            check(
                    w,
                    "too large",
                    new Bad(
                            (header + "ZAAK;A;A\n".repeat(200)).getBytes(StandardCharsets.UTF_8),
                            CSV,
                            "import.fileTooLarge"),
                    413,
                    wrong);
        } finally {
            assertEquals(204, anonymous.delete("api/test/import-limits", null).status());
        }
        assertEquals(List.of(), wrong);
        assertTrue(corpus.size() + 3 >= 20, "a corpus of at least 20 kinds");
        assertEquals(0, Db.count("import_job WHERE organisation_id = " + org), "no job was made");
        assertEquals(before, fingerprint(org), "nothing changed");
    }

    /** The refused rows with the fixes (case/reference → column → value), without the cases left out and the reason column. */
    static String corrected(String refused, Map<String, Map<String, String>> fixes, List<String> leftOut) {
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT
                .builder()
                .setDelimiter(';')
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new java.io.StringReader(refused.replace("\uFEFF", "")))) {
            List<String> header = parser.getHeaderNames().stream()
                    .filter(h -> !h.equals("reden"))
                    .toList();
            java.io.StringWriter out = new java.io.StringWriter();
            try (var printer = new org.apache.commons.csv.CSVPrinter(
                    out,
                    org.apache.commons.csv.CSVFormat.DEFAULT
                            .builder()
                            .setDelimiter(';')
                            .build())) {
                printer.printRecord(header);
                for (var r : parser) {
                    if (leftOut.contains(r.get("zaak_referentie"))) {
                        continue;
                    }
                    Map<String, String> fix =
                            fixes.getOrDefault(r.get("zaak_referentie") + "/" + r.get("referentie"), Map.of());
                    printer.printRecord(header.stream()
                            .map(h -> fix.getOrDefault(h, r.get(h)))
                            .toList());
                }
            }
            return out.toString();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Bad(byte[] bytes, String type, String code) {}

    private void check(Api w, String name, Bad bad, int status, List<String> wrong) {
        HttpResponse<String> r = send(w, bad.bytes(), bad.type(), name);
        String type = r.headers().firstValue("Content-Type").orElse("");
        String code = r.statusCode() >= 400 && type.startsWith("application/problem+json")
                ? Api.JSON.valueToTree(parse(r.body())).path("code").asText()
                : "";
        if (r.statusCode() != status || !code.equals(bad.code())) {
            wrong.add(name + ": " + r.statusCode() + " " + r.body());
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Api.JSON.readTree(body);
        } catch (IOException e) {
            return Api.JSON.createObjectNode();
        }
    }

    static void limits(Api anonymous, String query) {
        assertEquals(
                204,
                anonymous
                        .send("DELETE", "api/test/import-limits", null, Map.of())
                        .status());
        assertEquals(
                204, anonymous.post("api/test/import-limits?" + query, null).status());
    }

    // ---- helpers

    static long upload(Api w, byte[] body, String type, String name) {
        return upload(w, body, type, name, null);
    }

    /** Uploads a file of a kind (cases, context, registrations; null: the default) and expects 201. */
    static long upload(Api w, byte[] body, String type, String name, String template) {
        HttpResponse<String> r = send(w, body, type, name, template);
        assertEquals(201, r.statusCode(), "upload " + name + ": " + r.body());
        return parse(r.body()).get("id").asLong();
    }

    static HttpResponse<String> send(Api w, byte[] body, String type, String name) {
        return send(w, body, type, name, null);
    }

    static HttpResponse<String> send(Api w, byte[] body, String type, String name, String template) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(w.url().toString())
                        .resolve("api/imports?fileName=" + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8)
                                + (template == null ? "" : "&template=" + template)))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", type)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (w.cookie() != null) {
            b.header("Cookie", "KZ_SESSION=" + w.cookie());
            if (w.csrf() != null) {
                b.header("X-CSRF-Token", w.csrf());
            }
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long start(Api w, long id, String what, Object body) {
        Api.Reply r = w.post("api/imports/" + id + "/" + what, body);
        assertEquals(202, r.status(), what + ": " + r);
        return id;
    }

    /** Polls the job until its run ends. */
    static JsonNode done(Api w, long id) {
        long until = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < until) {
            JsonNode job = w.get("api/imports/" + id).json();
            String status = job.get("status").asText();
            if (!status.equals("PREVIEWING") && !status.equals("COMMITTING")) {
                return job;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("import job " + id + " did not end");
    }

    static String problems(Api w, JsonNode job) {
        return w.get("api/imports/" + job.get("id").asLong() + "/problems?limit=1000&lang=en")
                .body();
    }

    /** Per row: code@COLUMN [rule R] text. */
    static Map<Integer, List<String>> problemsByRow(Api w, long id, String lang) {
        JsonNode items = w.get("api/imports/" + id + "/problems?limit=1000&lang=" + lang)
                .json()
                .get("items");
        Map<Integer, List<String>> byRow = new java.util.TreeMap<>();
        for (JsonNode p : items) {
            byRow.computeIfAbsent(p.get("row").asInt(), r -> new ArrayList<>())
                    .add(p.get("code").asText() + "@" + p.path("columnKey").asText()
                            + (p.hasNonNull("rule") ? " [rule " + p.get("rule").asText() + "]" : "") + " "
                            + p.get("text").asText());
        }
        return byRow;
    }

    static long caseOf(long org, String ref) {
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT record_id FROM import_reference WHERE organisation_id = ? AND record_type = 'CASE' AND external_ref = ?")) {
            s.setLong(1, org);
            s.setString(2, ref);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "case " + ref + " imported");
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation's records with their versions, and the whole chain's counts: equal when nothing changed. */
    static String fingerprint(long org) {
        StringBuilder sb = new StringBuilder(Db.chainFingerprint());
        try (Connection c = Db.connect();
                PreparedStatement s = c.prepareStatement(
                        "SELECT CONCAT_WS(':', f.id, f.version, f.municipality_code, (SELECT GROUP_CONCAT(CONCAT_WS('/', p.id, p.version) ORDER BY p.id) "
                                + "FROM party p WHERE p.case_id = f.id), (SELECT COUNT(*) FROM chain_event e JOIN party p ON p.id = e.party_id "
                                + "WHERE p.case_id = f.id)) FROM case_file f WHERE f.owner_organisation_id = ? ORDER BY f.id")) {
            s.setLong(1, org);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    sb.append(' ').append(rs.getString(1));
                }
            }
            sb.append(" refs=").append(Db.count("import_reference WHERE organisation_id = " + org));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return sb.toString();
    }

    private static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] xlsx(boolean formula) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "t", "1.0");
        Worksheet ws = wb.newWorksheet("zaken");
        ws.value(0, 0, "soort");
        ws.value(0, 1, "zaak_referentie");
        ws.value(0, 2, "referentie");
        ws.value(1, 0, "ZAAK");
        ws.value(1, 1, "Z");
        if (formula) {
            ws.formula(1, 2, "CONCATENATE(\"Z\",\"1\")");
        }
        wb.finish();
        return out.toByteArray();
    }

    private static byte[] xlsxEmpty() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "t", "1.0");
        wb.newWorksheet("leeg");
        wb.finish();
        return out.toByteArray();
    }

    static void recountAggregates() throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            AggregateRebuild.run(c);
            c.commit();
        }
    }

    static void assertCountersEqualRecount() throws Exception {
        try (Connection c = Db.connect()) {
            c.setAutoCommit(false);
            List<String> funnel = CounterCheck.currentRows(c);
            List<String> caseFacts =
                    CounterCheck.rows(c, "SELECT * FROM report_case_fact WHERE year <> 0 ORDER BY case_id");
            List<String> partyFacts = CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id");
            AggregateRebuild.run(c);
            assertEquals(CounterCheck.foldedRows(c), funnel, "counters equal a recount");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_case_fact ORDER BY case_id"),
                    caseFacts,
                    "case facts equal a recount");
            assertEquals(
                    CounterCheck.rows(c, "SELECT * FROM report_party_fact ORDER BY party_id"),
                    partyFacts,
                    "party facts equal a recount");
            c.rollback();
            VictimCountCheck.assertCountersEqualFacts(c);
        }
    }
}
