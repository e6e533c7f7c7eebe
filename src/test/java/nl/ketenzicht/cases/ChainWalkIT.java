package nl.ketenzicht.cases;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aClient;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Acceptance 1 of the chain: one case walked through the whole API, read back field by field. */
@ExtendWith(ArquillianExtension.class)
class ChainWalkIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aWholeCaseIsRecordedAndReadBackExactly() {
        Scenario s = new Scenario(base);
        Api worker = s.caseworker(s.organisation("POLICE", "AMS"));

        Api.Reply created = worker.post("api/cases", aCase());
        assertEquals(201, created.status(), created.toString());
        JsonNode c = created.json();
        long caseId = c.get("id").asLong();
        assertEquals("GM0363", c.get("municipalityCode").asText());
        assertEquals("AMS", c.get("policeUnit").asText(), "Amsterdam lies in police unit Amsterdam");
        assertEquals("AMS", c.get("courtDistrict").asText(), "and in court district Amsterdam");
        assertEquals("AP-AMS", c.get("prosecutionOffice").asText());
        assertEquals("AMBTSHALVE", c.get("origin").asText());
        assertEquals(created.etag(), "\"" + c.get("version").asLong() + "\"");

        Api.Reply victimReply = worker.post("api/cases/" + caseId + "/victims", aVictim());
        assertEquals(201, victimReply.status(), victimReply.toString());
        long victim = victimReply.json().get("id").asLong();
        assertEquals(
                201,
                worker.post(
                                "api/parties/" + victim + "/aangifte-events",
                                Json.of(
                                        "type",
                                        "DECLINED",
                                        "on",
                                        "2023-03-10",
                                        "reasons",
                                        List.of("FEAR_SUSPECT", "SHAME")))
                        .status());
        Api.Reply made = worker.post(
                "api/parties/" + victim + "/aangifte-events",
                Json.of(
                        "type",
                        "AANGIFTE_MADE",
                        "on",
                        "2023-05-02",
                        "traumaStudio",
                        true,
                        "psychologistAdvised",
                        "BEFORE_AND_DURING"));
        assertEquals(201, made.status(), made.toString());
        assertEquals("AANGIFTE_MADE", made.json().get("aangifteStatus").asText());

        List<Long> offenders = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Api.Reply r = worker.post("api/cases/" + caseId + "/suspects", aSuspect(victim));
            assertEquals(201, r.status(), r.toString());
            offenders.add(r.json().get("id").asLong());
        }
        for (int i = 0; i < 3; i++) {
            offenders.add(worker.post("api/cases/" + caseId + "/clients", aClient(victim))
                    .json()
                    .get("id")
                    .asLong());
        }
        for (long o : offenders) {
            walkThroughTheChain(worker, o);
        }
        Api.Reply runaway = worker.post(
                "api/parties/" + victim + "/runaways",
                Json.of(
                        "institutionType",
                        "CLOSED_YOUTH_CARE",
                        "missingSince",
                        "2023-01-05",
                        "reportedOn",
                        "2023-01-06",
                        "foundOn",
                        "2023-01-20",
                        "victimisedDuring",
                        true));
        assertEquals(201, runaway.status(), runaway.toString());
        Api.Reply referral = worker.post(
                "api/parties/" + victim + "/care-referrals",
                Json.of("careType", "SPECIALIST_YOUTH_CARE", "referredOn", "2023-03-15", "startedOn", "2023-04-20"));
        assertEquals(201, referral.status(), referral.toString());

        Api.Reply chain = worker.get("api/cases/" + caseId + "/chain");
        assertEquals(200, chain.status(), chain.toString());
        JsonNode doc = chain.json();
        assertEquals("AMS", doc.at("/caseFile/policeUnit").asText());
        assertEquals(6, doc.get("parties").size(), "one victim, two suspects, three clients");
        JsonNode v = findParty(doc, victim);
        assertEquals("FEMALE", v.get("gender").asText());
        assertEquals(2007, v.get("birthYear").asInt());
        assertEquals(5, v.get("birthMonth").asInt());
        assertEquals(15, v.get("ageAtExploitationStart").asInt(), "born May 2007, exploited from Sept 2022");
        assertEquals(15, v.get("ageAtCaseOpening").asInt(), "case opened March 2023");
        assertEquals(70, v.get("estimatedClientCount").asInt());
        assertEquals("[\"EATING_DISORDER\",\"LVB\"]", v.get("vulnerabilities").toString());
        assertEquals(2, v.get("aangifteHistory").size());
        assertEquals("DECLINED", v.at("/aangifteHistory/0/type").asText());
        assertEquals(
                "[\"FEAR_SUSPECT\",\"SHAME\"]",
                v.at("/aangifteHistory/0/reasons").toString());
        assertEquals(
                "BEFORE_AND_DURING",
                v.at("/aangifteHistory/1/psychologistAdvised").asText(),
                "the longest advice value fits");
        assertEquals(5, doc.get("proceedings").size());
        for (JsonNode p : doc.get("proceedings")) {
            assertEquals(5, p.get("events").size(), "in view, inflow, decision, verdict, sentence");
            assertEquals(
                    540, p.at("/events/4/sentence/custodyUnconditionalDays").asInt());
            assertEquals("273f", p.at("/charges/0/article").asText());
        }
        assertEquals("2023-01-20", doc.at("/care/runaways/0/foundOn").asText());
        assertTrue(doc.at("/care/runaways/0/victimisedDuring").asBoolean());
        assertEquals("2023-04-20", doc.at("/care/referrals/0/startedOn").asText());
    }

    private static void walkThroughTheChain(Api worker, long party) {
        List<Map<String, Object>> steps = List.of(
                Json.with(
                        step("IN_VIEW", "2023-03-05"),
                        "charges",
                        List.of(Json.of("article", "273f", "lawVersion", "SR", "offenceDate", "2022-10-01"))),
                step("OM_INFLOW", "2023-06-01"),
                Json.with(step("OM_DECISION", "2023-07-01"), "decision", "SUMMONS"),
                Json.with(step("VERDICT", "2024-01-15"), "verdict", "CONVICTION"),
                Json.with(
                        step("SENTENCE", "2024-01-15"),
                        "sentence",
                        Json.of(
                                "custodyUnconditionalDays",
                                540,
                                "custodyConditionalDays",
                                180,
                                "communityServiceHours",
                                0,
                                "measure",
                                "CONTACT_BAN")));
        for (Map<String, Object> step : steps) {
            Api.Reply r = worker.post("api/parties/" + party + "/chain-events", step);
            assertEquals(201, r.status(), step + " → " + r);
        }
    }

    private static JsonNode findParty(JsonNode doc, long id) {
        for (JsonNode p : doc.get("parties")) {
            if (p.get("id").asLong() == id) {
                return p;
            }
        }
        throw new AssertionError("party " + id + " missing from " + doc);
    }
}
