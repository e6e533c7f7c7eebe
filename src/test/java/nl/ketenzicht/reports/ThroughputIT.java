package nl.ketenzicht.reports;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
 * Measure 3 through the API, on cases of its own (2003, decoy, zeden: a cut no other test writes):
 * closing a case moves its suspects from open to ended in the maintained party facts and in the
 * report, reopening moves them back, a transfer is censored, and the figures equal the hand-computed
 * Aalen–Johansen estimate. Downloads and the print view answer with labels; bad input is a 400.
 */
@ExtendWith(ArquillianExtension.class)
class ThroughputIT {

    private static final String CUT = "year=2003&origin=DECOY&team=ZEDEN";
    private static final LocalDate IN_VIEW = LocalDate.of(2003, 2, 1);

    @ArquillianResource
    URL base;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @Test
    void closedChainsEndReopenedOnesRunAgainAndTheFiguresEqualTheHandComputation() {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "AMS"));
        Api coordinator = s.user("COORDINATOR", s.organisation("OM", null), null);
        // Ten suspects in view on 1 February 2003, one per case: five reach OM inflow after 10, 20, 30, 40 and 50
        // days; three cases close (COMPLETED) after 15, 25 and 35 days; one is transferred after 5 days; one stays
        // open.
        long[] cases = new long[10];
        long[] suspects = new long[10];
        for (int i = 0; i < 10; i++) {
            cases[i] = created(w.post(
                    "api/cases",
                    Json.with(
                            aCase(),
                            "openedOn",
                            "2003-01-15",
                            "origin",
                            "DECOY",
                            "teamType",
                            "ZEDEN",
                            "exploitationForms",
                            List.of("SEXUAL"))));
            long victim = created(w.post(
                    "api/cases/" + cases[i] + "/victims",
                    Json.with(aVictim(), "birthYear", 1987, "exploitationStartedOn", "2002-12-01")));
            suspects[i] = created(
                    w.post("api/cases/" + cases[i] + "/suspects", Json.with(aSuspect(victim), "birthYear", 1970)));
            stepTaken(w.post("api/parties/" + suspects[i] + "/chain-events", step("IN_VIEW", IN_VIEW.toString())));
        }
        for (int i = 0; i < 5; i++) {
            stepTaken(w.post(
                    "api/parties/" + suspects[i] + "/chain-events",
                    step("OM_INFLOW", IN_VIEW.plusDays(10 * (i + 1)).toString())));
        }
        close(w, cases[5], IN_VIEW.plusDays(15), "COMPLETED");
        close(w, cases[6], IN_VIEW.plusDays(25), "NO_LEADS");
        close(w, cases[7], IN_VIEW.plusDays(35), "COMPLETED");
        close(w, cases[8], IN_VIEW.plusDays(5), "TRANSFERRED");
        assertEquals(
                IN_VIEW.plusDays(35).toString(),
                closedOn(suspects[7]),
                "closing the case updates its suspects' facts in the same transaction");

        JsonNode r = coordinator
                .get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW?" + CUT)
                .json();
        // Counts are perturbed by cell key: within the documented distance of the true 10 and 5.
        assertWithin(10, r.at("/national/people/value").asLong());
        assertWithin(5, r.at("/national/reached/value").asLong());

        String etag = w.get("api/cases/" + cases[7]).etag();
        assertEquals(
                200,
                w.send("POST", "api/cases/" + cases[7] + "/reopening", null, Map.of("If-Match", etag))
                        .status());
        assertEquals(null, closedOn(suspects[7]), "reopened: open again");

        // By hand (n at risk, d reached, c ended): day 5 transfer censored (n 10 -> 9); day 10 d: F = 1/9, S = 8/9;
        // day 15 c: S = 7/9; day 20 d: F = 2/9 (7/9 * 1/7), S = 6/9; day 25 c: S = 5/9; days 30, 40, 50 d: F = 5/9, S =
        // 2/9;
        // the reopened case and the open one are censored at today. F(90) = F(180) = F(365) = 5/9.
        r = coordinator
                .get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW?" + CUT)
                .json();
        JsonNode national = r.get("national");
        for (JsonNode at : national.get("horizons")) {
            assertEquals(5.0 / 9, at.get("incidence").asDouble(), 1e-12, "F(" + at.get("days") + ")");
            assertTrue(at.get("lower95").asDouble() < 5.0 / 9
                    && 5.0 / 9 < at.get("upper95").asDouble());
        }
        assertTrue(national.get("medianDays").isNull(), "5 events cannot have 10 on each side of a median");
        assertEquals(
                5.0 / 9, national.get("curve").get(1).get("incidence").asDouble(), 1e-12, "one step after 5 events");

        Api.Reply csv = coordinator.get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW/export.csv?" + CUT + "&lang=nl");
        assertEquals(200, csv.status(), csv.toString());
        assertTrue(
                csv.body().contains("Nederland") && csv.body().contains("Van verdachte in beeld tot OM-instroom"),
                csv.body());
        String nederland = csv.body()
                .lines()
                .filter(l -> l.startsWith("Nederland,"))
                .findFirst()
                .orElseThrow();
        assertTrue(
                nederland.startsWith("Nederland," + national.at("/people/value").asLong() + ","),
                "the screen's figure: " + nederland);
        assertEquals(
                national.at("/reached/value").asText(),
                nederland.split(",")[2],
                "export and screen never disagree: " + nederland);
        Api.Reply xlsx = coordinator.get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW/export.xlsx?" + CUT);
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());
        Api.Reply print = coordinator.get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW/print/AMS?" + CUT + "&lang=en");
        assertEquals(200, print.status());
        assertTrue(print.body().contains("<html lang=\"en\">")
                && print.body().contains("Amsterdam")
                && !print.body().contains("POLICE_UNIT"));

        Api.Reply badLanguage = coordinator.get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW/export.csv?lang=fr");
        assertEquals(400, badLanguage.status());
        assertEquals("lang", badLanguage.json().at("/errors/0/field").asText(), badLanguage.toString());
        assertEquals(404, coordinator.get("api/reports/throughput/NOWHERE").status());
        assertEquals(
                400,
                coordinator
                        .get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW?year=abc")
                        .status());
        assertEquals(
                403,
                w.get("api/reports/throughput/IN_VIEW_TO_OM_INFLOW/export.csv").status(),
                "aggregates are for coordinators");
    }

    private static void close(Api w, long caseId, LocalDate on, String reason) {
        String etag = w.get("api/cases/" + caseId).etag();
        Api.Reply r = w.send(
                "POST",
                "api/cases/" + caseId + "/closure",
                Json.of("closedOn", on.toString(), "reason", reason),
                Map.of("If-Match", etag));
        assertEquals(200, r.status(), r.toString());
    }

    /** The closing day in the suspect's maintained party fact, or null. */
    private static String closedOn(long partyId) {
        try (Connection c = Db.connect();
                PreparedStatement s =
                        c.prepareStatement("SELECT case_closed_on FROM report_party_fact WHERE party_id = ?")) {
            s.setLong(1, partyId);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next(), "a fact for party " + partyId);
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void stepTaken(Api.Reply r) {
        assertEquals(201, r.status(), r.toString());
    }

    private static long created(Api.Reply r) {
        assertEquals(201, r.status(), r.toString());
        return r.json().get("id").asLong();
    }

    private static void assertWithin(long truth, long published) {
        long[] range = nl.ketenzicht.reports.stats.CellKeyPerturbation.preimage(published);
        assertTrue(range[0] <= truth && truth <= range[1], "published " + published + " for the true " + truth);
    }
}
