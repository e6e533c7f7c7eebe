package nl.ketenzicht.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The context inputs through the API: field errors, the regional scope, versions with their history
 * and optimistic concurrency, CSV preview and all-or-nothing commit, case tags, the access log, and
 * the read API the reports use. Its keys (Zeeland-West-Brabant and its municipalities in 2003 and
 * 2004) are used by no other test and are cleared before each test, so that a value's first save is a
 * creation on a shared database too.
 */
@ExtendWith(ArquillianExtension.class)
class ContextIT {

    private static final String UNIT = "ZWB";
    private static final String BREDA = "GM0758";
    private static final String TILBURG = "GM0855";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @BeforeEach
    void clearOwnKeys() throws SQLException {
        try (Connection c = Db.connect()) {
            for (String sql : List.of(
                    "DELETE FROM context_capacity WHERE police_unit = ? AND year IN (2003, 2004)",
                    "DELETE FROM context_capacity_history WHERE police_unit = ? AND year IN (2003, 2004)",
                    "DELETE FROM context_priority WHERE year IN (2003, 2004) AND municipality_code IN "
                            + "(SELECT cbs_code FROM ref_municipality WHERE police_unit = ?)",
                    "DELETE FROM context_priority_history WHERE year IN (2003, 2004) AND municipality_code IN "
                            + "(SELECT cbs_code FROM ref_municipality WHERE police_unit = ?)")) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, UNIT);
                    s.executeUpdate();
                }
            }
        }
    }

    @Test
    void aCapacityIsVersionedWithItsHistoryAndChangedOnlyWithTheCurrentETag() {
        Scenario s = new Scenario(base);
        Api national = national(s);
        String path = "api/context/capacity/" + UNIT + "/2003";
        assertEquals(404, national.get(path).status(), "nothing yet");

        Api.Reply created = national.put(path, capacity("20.5", "15", "4.25", "1"), null);
        assertEquals(201, created.status(), created.toString());
        assertEquals("\"1\"", created.etag());
        assertEquals(new BigDecimal("4.25"), created.json().get("digital").decimalValue());

        Api.Reply noIfMatch = national.put(path, capacity("21", "15", "4.25", "1"), null);
        assertEquals(428, noIfMatch.status(), "a change needs the version it changes");
        assertEquals("version.required", noIfMatch.json().get("code").asText());

        Api admin = s.admin();
        Api.Reply second = admin.put(path, capacity("22", "15", "4.25", "1"), "\"1\"");
        assertEquals(200, second.status(), second.toString());
        assertEquals("\"2\"", second.etag());
        Api.Reply stale = national.put(path, capacity("23", "15", "4.25", "1"), "\"1\"");
        assertEquals(412, stale.status(), "someone saved first");
        assertEquals("version.stale", stale.json().get("code").asText());
        Api.Reply same = national.put(path, capacity("22.00", "15", "4.25", "1"), "\"2\"");
        assertEquals(200, same.status());
        assertEquals("\"2\"", same.etag(), "equal values make no new version");

        JsonNode history = national.get(path + "/history").json();
        assertEquals(2, history.size(), history.toString());
        assertEquals(2, history.get(0).get("version").asInt(), "newest first");
        assertEquals(
                new BigDecimal("22"),
                history.get(0).get("value").get("avim").decimalValue().stripTrailingZeros());
        assertEquals(
                new BigDecimal("20.5"),
                history.get(1).get("value").get("avim").decimalValue().stripTrailingZeros(),
                "the previous value is kept");
        assertTrue(history.get(0).get("changedBy").asText().startsWith("user:"));
        assertFalse(
                history.get(0)
                        .get("changedBy")
                        .asText()
                        .equals(history.get(1).get("changedBy").asText()),
                "who made each version");

        Api.Reply read = national.get(path);
        assertEquals("\"2\"", read.etag());
        assertEquals(
                new BigDecimal("22"),
                read.json().get("avim").decimalValue().stripTrailingZeros(),
                "the current value is the latest");
        assertTrue(
                accessLogged("context-capacity", "CREATE", UNIT + " 2003 v1")
                        && accessLogged("context-capacity", "UPDATE", UNIT + " 2003 v2")
                        && accessLogged("context-capacity", "READ", UNIT + " 2003 history"),
                "every change and read is in the access log");
    }

    @Test
    void badValuesAreFieldErrorsAllAtOnce() {
        Api national = national(new Scenario(base));
        Api.Reply r = national.put(
                "api/context/capacity/" + UNIT + "/2003",
                Json.of("avim", -1, "zeden", 1.234, "psychologists", 6000),
                null);
        assertEquals(400, r.status(), r.toString());
        assertEquals(
                Map.of(
                        "avim",
                        "validation.min",
                        "digital",
                        "validation.required",
                        "psychologists",
                        "validation.max",
                        "zeden",
                        "check.fteDecimals"),
                codes(r),
                r.toString());
        Api.Reply ahead = national.put("api/context/capacity/" + UNIT + "/2099", capacity("1", "1", "1", "1"), null);
        assertEquals(Map.of("year", "check.yearTooFarAhead"), codes(ahead));
        assertEquals(
                Map.of("policeUnit", "check.unknownPoliceUnit"),
                codes(national.put("api/context/capacity/XX/2003", capacity("1", "1", "1", "1"), null)));
        assertEquals(
                Map.of("municipalityCode", "check.unknownMunicipality"),
                codes(national.put("api/context/priorities/GM9999/2003", Json.of("priority", true), null)));
        Api.Reply pilot = national.post(
                "api/context/pilots",
                Json.of(
                        "name",
                        " ",
                        "startsOn",
                        "2024-05-01",
                        "endsOn",
                        "2024-04-30",
                        "policeUnits",
                        List.of("AMS", "AMS")));
        assertEquals(
                Map.of(
                        "name",
                        "validation.required",
                        "endsOn",
                        "check.notBeforeField",
                        "policeUnits",
                        "check.duplicateValue"),
                codes(pilot));
        assertEquals(400, national.get("api/context/capacity?limit=0").status(), "pagination is bounded");
    }

    @Test
    void aRegionalCoordinatorKeepsTheirOwnUnitAndItsMunicipalitiesOnly() {
        Scenario s = new Scenario(base);
        Api regional = s.user("COORDINATOR", s.organisation("POLICE", UNIT), UNIT);
        assertEquals(
                201,
                regional.put("api/context/capacity/" + UNIT + "/2003", capacity("5", "6", "1", "0.5"), null)
                        .status());
        assertEquals(
                201,
                regional.put("api/context/priorities/" + BREDA + "/2003", Json.of("priority", true), null)
                        .status());

        Api.Reply otherUnit = regional.put("api/context/capacity/RDM/2003", capacity("5", "6", "1", "0.5"), null);
        assertEquals(403, otherUnit.status());
        assertEquals("forbidden.regionNotYours", otherUnit.json().get("code").asText());
        assertEquals(
                403,
                regional.put("api/context/priorities/GM0599/2003", Json.of("priority", true), null)
                        .status(),
                "Rotterdam is RDM's");
        assertEquals(403, regional.get("api/context/capacity?policeUnit=RDM").status());
        JsonNode mine = regional.get("api/context/capacity?limit=500").json();
        assertTrue(mine.get("total").asLong() >= 1);
        for (JsonNode row : mine.get("items")) {
            assertEquals(UNIT, row.get("policeUnit").asText(), "a regional list holds the own unit only");
        }
        for (JsonNode row :
                regional.get("api/context/priorities?limit=500").json().get("items")) {
            assertEquals(UNIT, row.get("policeUnit").asText());
        }

        Api.Reply shared = regional.post("api/context/pilots", pilot("Shared " + System.nanoTime(), UNIT, "RDM"));
        assertEquals(403, shared.status());
        assertEquals("forbidden.pilotOtherUnits", shared.json().get("code").asText());
        Api.Reply own = regional.post("api/context/pilots", pilot("Own " + System.nanoTime(), UNIT));
        assertEquals(201, own.status(), own.toString());
        Api national = national(s);
        long rotterdam = national.post("api/context/pilots", pilot("Rotterdam " + System.nanoTime(), "RDM"))
                .json()
                .get("id")
                .asLong();
        assertEquals(
                404,
                regional.get("api/context/pilots/" + rotterdam).status(),
                "another unit's pilot is not the regional's to see");
        long both = national.post("api/context/pilots", pilot("Both " + System.nanoTime(), UNIT, "RDM"))
                .json()
                .get("id")
                .asLong();
        assertEquals(
                200, regional.get("api/context/pilots/" + both).status(), "a pilot the unit takes part in is seen");
        assertEquals(
                403,
                regional.put("api/context/pilots/" + both, pilot("Both, renamed " + System.nanoTime(), UNIT), "\"1\"")
                        .status(),
                "but kept by a national coordinator");
    }

    @Test
    void aPilotIsVersionedAndCasesOfItsUnitsAreTaggedByTheirOwner() {
        Scenario s = new Scenario(base);
        Api national = national(s);
        String name = "Proeftuin " + System.nanoTime();
        Api.Reply created = national.post("api/context/pilots", pilot(name, "AMS"));
        assertEquals(201, created.status(), created.toString());
        long id = created.json().get("id").asLong();
        assertEquals(
                400, national.post("api/context/pilots", pilot(name, "RDM")).status(), "names are unique");
        Api.Reply changed = national.put(
                "api/context/pilots/" + id,
                Json.of(
                        "name",
                        name,
                        "startsOn",
                        "2022-01-01",
                        "endsOn",
                        "2023-12-31",
                        "policeUnits",
                        List.of("AMS", "NH")),
                created.etag());
        assertEquals(200, changed.status(), changed.toString());
        assertEquals(
                412,
                national.put("api/context/pilots/" + id, pilot(name, "AMS"), created.etag())
                        .status());
        JsonNode history = national.get("api/context/pilots/" + id + "/history").json();
        assertEquals(List.of("AMS", "NH"), texts(history.get(0).get("value").get("policeUnits")));
        assertEquals(
                List.of("AMS"), texts(history.get(1).get("value").get("policeUnits")), "the previous units are kept");
        long other = national.post("api/context/pilots", pilot("Elsewhere " + System.nanoTime(), "RDM"))
                .json()
                .get("id")
                .asLong();

        long police = s.organisation("POLICE", "AMS");
        Api owner = s.caseworker(police);
        long caseId =
                owner.post("api/cases", ChainData.aCase()).json().get("id").asLong();
        JsonNode pilots = owner.get("api/cases/" + caseId + "/pilots").json();
        assertTrue(
                StreamSupport.stream(pilots.get("available").spliterator(), false)
                        .anyMatch(p -> p.get("pilotId").asLong() == id),
                "the AMS pilot is offered for an Amsterdam case");
        Api.Reply tagged = owner.put("api/cases/" + caseId + "/pilots/" + id, null, null);
        assertEquals(200, tagged.status(), tagged.toString());
        assertEquals(id, tagged.json().get("tagged").get(0).get("pilotId").asLong());
        Api.Reply elsewhere = owner.put("api/cases/" + caseId + "/pilots/" + other, null, null);
        assertEquals(Map.of("pilotId", "check.pilotNotInUnit"), codes(elsewhere));
        assertEquals(
                1,
                national.get("api/context/pilots/" + id)
                        .json()
                        .get("taggedCases")
                        .asLong());
        assertEquals(
                404,
                s.caseworker(s.organisation("POLICE", "RDM"))
                        .put("api/cases/" + caseId + "/pilots/" + id, null, null)
                        .status(),
                "another organisation does not reach the case");
        assertEquals(403, national.get("api/cases/" + caseId + "/pilots").status(), "coordinators see no case");

        Api.Reply untagged = owner.delete("api/cases/" + caseId + "/pilots/" + id, null);
        assertEquals(0, untagged.json().get("tagged").size());
        JsonNode tagHistory = untagged.json().get("history");
        assertEquals(2, tagHistory.size(), "tagging and untagging are both kept");
        assertFalse(tagHistory.get(0).get("tagged").asBoolean());
        assertTrue(tagHistory.get(1).get("tagged").asBoolean());
    }

    @Test
    void aCsvIsPreviewedWithRowErrorsAndCommittedWholeOrNotAtAll() throws SQLException {
        Scenario s = new Scenario(base);
        Api regional = s.user("COORDINATOR", s.organisation("POLICE", UNIT), UNIT);
        assertEquals(
                201,
                regional.put("api/context/capacity/" + UNIT + "/2003", capacity("5", "6", "1", "0.5"), null)
                        .status());
        String bad = "\uFEFFeenheid;jaar;avim;zeden;digitaal;recherchepsychologen\r\n"
                + UNIT + ";2003;7,5;6;1;0,5\r\n"
                + UNIT + ";2004;abc;6;1;0,5\r\n"
                + "RDM;2004;1;1;1;1\r\n"
                + UNIT + ";2003;1;1;1;1\r\n";
        Api.Reply preview = upload(regional, "capacity", bad, false);
        assertEquals(200, preview.status(), preview.toString());
        JsonNode rows = preview.json().get("lines");
        assertEquals(
                List.of(2, 3, 4, 5),
                StreamSupport.stream(rows.spliterator(), false)
                        .map(r -> r.get("line").asInt())
                        .toList(),
                "lines as an editor numbers them, the BOM and CRLF notwithstanding");
        assertEquals("CHANGED", rows.get(0).get("change").asText());
        assertEquals("5", rows.get(0).get("current").get("avim").asText());
        assertEquals(
                "json.expectedNumber",
                rows.get(1).get("errors").get(0).get("code").asText(),
                "not a number");
        assertEquals(
                "forbidden.regionNotYours",
                rows.get(2).get("errors").get(0).get("code").asText(),
                "another unit's row");
        assertEquals(
                "upload.duplicateRow",
                rows.get(3).get("errors").get(0).get("code").asText());
        assertEquals(3, preview.json().get("invalid").asInt());

        Api.Reply refused = upload(regional, "capacity", bad, true);
        assertEquals(400, refused.status());
        List<String> fields = StreamSupport.stream(refused.json().get("errors").spliterator(), false)
                .map(e -> e.get("field").asText())
                .toList();
        assertEquals(List.of("rows[3].avim", "rows[4].policeUnit", "rows[5].row"), fields);
        assertEquals(
                "5",
                regional.get("api/context/capacity/" + UNIT + "/2003")
                        .json()
                        .get("avim")
                        .asText(),
                "nothing was saved");

        String good = "policeUnit\tyear\tavim\tzeden\tdigital\tpsychologists\n" + UNIT + "\t2003\t7.5\t6\t1\t0.5\n"
                + UNIT + "\t2004\t3\t4\t1\t0\n";
        Api.Reply committed = upload(regional, "capacity", good, true);
        assertEquals(200, committed.status(), committed.toString());
        assertTrue(committed.json().get("committed").asBoolean());
        assertEquals(1, committed.json().get("newRows").asInt());
        assertEquals(1, committed.json().get("changed").asInt());
        assertEquals(
                "7.5",
                regional.get("api/context/capacity/" + UNIT + "/2003")
                        .json()
                        .get("avim")
                        .asText());
        assertEquals(
                2,
                regional.get("api/context/capacity/" + UNIT + "/2003/history")
                        .json()
                        .size(),
                "the upload made a version");
        try (Connection c = Db.connect()) {
            var figures = ContextFigures.capacity(c, 2003, 2004).get(UNIT);
            assertEquals(new BigDecimal("7.50"), figures.get(2003).avim(), "reports read the current value");
            assertEquals(new BigDecimal("8.00"), figures.get(2004).total());
        }

        String priorities = "gemeente,jaar,prioriteit\n" + BREDA + ",2003,ja\n" + TILBURG.toLowerCase() + ",2003,nee\n"
                + TILBURG + ",2004,maybe\n";
        Api.Reply p = upload(regional, "priorities", priorities, false);
        assertEquals(1, p.json().get("invalid").asInt(), p.toString());
        assertEquals(
                "json.expectedBoolean",
                p.json().get("lines").get(2).get("errors").get(0).get("code").asText());
        assertEquals(
                200,
                upload(regional, "priorities", priorities.substring(0, priorities.lastIndexOf(TILBURG)), true)
                        .status());
        try (Connection c = Db.connect()) {
            Map<String, Boolean> year = ContextFigures.priorities(c, 2003, 2003).get(2003);
            assertEquals(Boolean.TRUE, year.get(BREDA));
            assertEquals(Boolean.FALSE, year.get(TILBURG));
            assertNull(
                    ContextFigures.priorities(c, 2004, 2004)
                            .getOrDefault(2004, Map.of())
                            .get(TILBURG),
                    "no value is unknown, not no");
        }

        assertEquals(
                "upload.columnMissing",
                upload(regional, "capacity", "policeUnit,year\n", false)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asText());
        assertEquals(
                "upload.noHeader",
                upload(regional, "capacity", "", false)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asText());
        assertEquals(
                "upload.columnCount",
                upload(regional, "priorities", "municipalityCode,year,priority\nGM0758,2003\n", false)
                        .json()
                        .get("errors")
                        .get(0)
                        .get("code")
                        .asText());
    }

    private static Api.Reply upload(Api api, String kind, String csv, boolean commit) {
        return api.send(
                "POST",
                "api/context/" + kind + "/uploads?commit=" + commit,
                csv,
                Map.of("Content-Type", "text/csv; charset=UTF-8"));
    }

    private static Api national(Scenario s) {
        return s.user("COORDINATOR", s.organisation("NATIONAL", null), null);
    }

    private static Map<String, Object> capacity(String avim, String zeden, String digital, String psychologists) {
        return Json.of(
                "avim",
                new BigDecimal(avim),
                "zeden",
                new BigDecimal(zeden),
                "digital",
                new BigDecimal(digital),
                "psychologists",
                new BigDecimal(psychologists));
    }

    private static Map<String, Object> pilot(String name, String... units) {
        return Json.of("name", name, "startsOn", "2022-01-01", "policeUnits", List.of(units));
    }

    private static Map<String, String> codes(Api.Reply r) {
        assertEquals(400, r.status(), r.toString());
        Map<String, String> out = new java.util.TreeMap<>();
        r.json()
                .get("errors")
                .forEach(e -> out.put(e.get("field").asText(), e.get("code").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean accessLogged(String type, String action, String purpose) {
        return Db.count("access_log WHERE object_type = '" + type + "' AND action = '" + action + "' AND purpose = '"
                        + purpose + "'")
                > 0;
    }
}
