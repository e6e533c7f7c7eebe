package nl.ketenzicht.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.ExchangeCase.Referral;
import nl.ketenzicht.exchange.ExchangeCase.Step;
import nl.ketenzicht.parties.Gender;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 1 of issue 21: the HTCDS export validates against the standard's own field list and code lists
 * (the standard's spreadsheet in src/test/resources/htcds): every field exported, every code, for every code
 * Ketenzicht's lists hold (read from the migrations, not from the mapping) and for a synthetic world.
 */
class HtcdsStandardTest {

    static HtcdsStandard standard;

    @BeforeAll
    static void load() throws Exception {
        standard = HtcdsStandard.load();
    }

    @Test
    void theStandardIsReadFromItsOwnFile() {
        assertEquals(83, standard.fields.size(), "the fields of HTCDS 2.0, Organization to Consent");
        assertEquals(
                List.of(
                        "Feminine",
                        "Masculine",
                        "TransgenderFeminine",
                        "TransgenderMasculine",
                        "NonConforming",
                        "NonSpecifiedUnknown"),
                standard.fields.get("prs_Gender").values());
        assertTrue(standard.fields.get("per_RoleInProcess").values().contains("BoughtIndividual"));
        assertTrue(standard.fields.get("prs_Citizenship").iso3166());
    }

    @Test
    void everyExportedFieldIsTheStandardsOrADeclaredExtension() {
        for (String f : Htcds.FIELDS) {
            assertTrue(f.startsWith("kz_") || standard.fields.containsKey(f), f + " is not in HTCDS 2.0");
        }
        for (String f : Htcds.MULTI) {
            assertTrue(f.startsWith("kz_") || standard.fields.get(f).multi(), f + " is not multi-select in HTCDS");
        }
    }

    /** Every code of Ketenzicht's lists, one person each, in every position the mapping uses it. */
    @Test
    void everyCodeOfKetenzichtsListsMapsToTheStandardsCodes() throws Exception {
        Map<String, Set<String>> lists = codeLists();
        List<ExchangeCase> cases = new ArrayList<>();
        long id = 0;
        for (String form : lists.get("EXPLOITATION_FORM")) {
            for (String reason : union(lists.get("CLOSING_REASON"), null)) {
                cases.add(kase(++id, List.of(form), reason, victim(++id, "FEMALE", "NL", "SNAPCHAT", "SHELTER")));
            }
        }
        for (Gender g : Gender.values()) {
            for (String nationality : lists.get("NATIONALITY")) {
                for (String channel : union(lists.get("RECRUITMENT_CHANNEL"), null)) {
                    for (String care : lists.get("CARE_TYPE")) {
                        cases.add(kase(
                                ++id,
                                List.of("SEXUAL", "LABOUR"),
                                null,
                                victim(++id, g.name(), nationality, channel, care)));
                    }
                }
            }
        }
        for (String role : union(lists.get("SUSPECT_ROLE"), null)) {
            for (String kind : List.of("SUSPECT", "CLIENT")) {
                cases.add(kase(++id, List.of("SEXUAL"), "COMPLETED", offender(++id, kind, role)));
            }
        }
        int checked = 0;
        for (ExchangeCase k : cases) {
            for (Person p : k.persons()) {
                Map<String, Object> r = Htcds.record(k, p, "C1", "P1");
                assertEquals(Htcds.FIELDS, List.copyOf(r.keySet()));
                assertEquals(List.of(), standard.problems(r), r.toString());
                checked++;
            }
        }
        assertTrue(checked > 1000, "records checked: " + checked);
    }

    /** A synthetic world through the JSON and CSV writers, read back and checked record by record. */
    @Test
    void aSyntheticWorldsExportValidatesAsJsonAndCsv() throws Exception {
        List<ExchangeCase> cases = SyntheticExchange.cases(SyntheticExchange.world(2015, 600));
        ByteArrayOutputStream json = new ByteArrayOutputStream();
        try (HtcdsWriter w = HtcdsWriter.json(json, 2015, 2025)) {
            for (ExchangeCase k : cases) {
                w.accept(k);
            }
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        try (HtcdsWriter w = HtcdsWriter.csv(csv)) {
            for (ExchangeCase k : cases) {
                w.accept(k);
            }
        }
        long persons = cases.stream().mapToLong(k -> k.persons().size()).sum();
        JsonNode doc = new ObjectMapper().readTree(json.toByteArray());
        assertEquals("HTCDS 2.0", doc.get("standard").asText());
        assertEquals(persons, doc.get("records").size());
        Set<String> kinds = new HashSet<>();
        for (JsonNode r : doc.get("records")) {
            Map<String, Object> record = HtcdsStandard.record(r);
            assertEquals(List.of(), standard.problems(record), record.toString());
            kinds.add(r.get("kz_PersonKind").asText());
        }
        assertEquals(Set.of("VICTIM", "SUSPECT", "CLIENT"), kinds);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(csv.toString(StandardCharsets.UTF_8)))
                .getRecords();
        assertEquals(persons, rows.size());
        assertEquals(Htcds.FIELDS, rows.get(0).getParser().getHeaderNames());
        Set<String> personIds = new HashSet<>();
        for (CSVRecord row : rows) {
            Map<String, Object> record = HtcdsStandard.record(row);
            assertEquals(List.of(), standard.problems(record), record.toString());
            assertTrue(personIds.add(row.get("kz_PersonId")));
        }
        // The export's ids count from 1 in reading order: the database ids never leave.
        assertEquals("P1", rows.get(0).get("kz_PersonId"));
        assertEquals("C1", rows.get(0).get("kz_CaseId"));
        // Clients are bought individuals; victims of a convicted offender are actual victims.
        assertTrue(rows.stream()
                .filter(r -> r.get("kz_PersonKind").equals("CLIENT"))
                .allMatch(r -> r.get("per_RoleInProcess").equals("BoughtIndividual")));
        assertTrue(rows.stream().anyMatch(r -> r.get("vic_TraffickingStatus").equals("ActualVictimOfTrafficking")));
        // Dates to the month only.
        assertTrue(rows.stream()
                .map(r -> r.get("hte_Date"))
                .filter(d -> !d.isEmpty())
                .allMatch(d -> d.endsWith("-01")));
        assertFalse(csv.toString(StandardCharsets.UTF_8).contains("Birthdate"));
    }

    /** Ketenzicht's code lists as the migrations insert them into ref_code. */
    static Map<String, Set<String>> codeLists() throws Exception {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        Pattern row = Pattern.compile("\\(\\s*'([A-Z_]+)',\\s*'([A-Za-z0-9_]+)',");
        try (var files = Files.list(Path.of("sql"))) {
            for (Path f : files.sorted().toList()) {
                Matcher m = row.matcher(Files.readString(f));
                while (m.find()) {
                    lists.computeIfAbsent(m.group(1), x -> new TreeSet<>()).add(m.group(2));
                }
            }
        }
        for (String list : List.of(
                "EXPLOITATION_FORM",
                "CLOSING_REASON",
                "NATIONALITY",
                "RECRUITMENT_CHANNEL",
                "CARE_TYPE",
                "SUSPECT_ROLE")) {
            assertTrue(lists.containsKey(list) && !lists.get(list).isEmpty(), list);
        }
        return lists;
    }

    private static List<String> union(Set<String> codes, String extra) {
        List<String> out = new ArrayList<>(codes);
        out.add(extra);
        return out;
    }

    private static ExchangeCase kase(long id, List<String> forms, String closingReason, Person p) {
        LocalDate opened = LocalDate.of(2024, 3, 14);
        return new ExchangeCase(
                id,
                opened,
                closingReason == null ? "OPEN" : "CLOSED",
                closingReason == null ? null : opened.plusMonths(6),
                closingReason,
                "SIGNAL",
                true,
                "AMS",
                forms,
                id,
                List.of(p));
    }

    private static Person victim(long id, String gender, String nationality, String channel, String care) {
        return new Person(
                id,
                "VICTIM",
                gender,
                2008,
                4,
                nationality,
                channel,
                LocalDate.of(2023, 11, 20),
                true,
                "AANGIFTE_MADE",
                null,
                List.of(),
                List.of(),
                List.of(new Referral(care, LocalDate.of(2024, 3, 20), null, LocalDate.of(2024, 9, 2))),
                id % 2 == 0);
    }

    private static Person offender(long id, String kind, String role) {
        return new Person(
                id,
                kind,
                "MALE",
                1990,
                null,
                null,
                null,
                null,
                null,
                null,
                role,
                List.of(
                        new Step("IN_VIEW", LocalDate.of(2024, 3, 20), null, null),
                        new Step("VERDICT", LocalDate.of(2025, 1, 9), null, "CONVICTION")),
                List.of(new ExchangeCase.Charge("273f", "SR")),
                List.of(),
                false);
    }
}
