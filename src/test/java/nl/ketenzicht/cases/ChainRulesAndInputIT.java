package nl.ketenzicht.cases;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aSuspect;
import static nl.ketenzicht.support.ChainData.aVictim;
import static nl.ketenzicht.support.ChainData.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Acceptance 2 and 3 of the chain: every refusal is a 4xx problem document that names the rule or
 * the fields, never a 500, and the database is exactly as before.
 */
@ExtendWith(ArquillianExtension.class)
class ChainRulesAndInputIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Api worker;
    private long caseId;
    private long suspect;

    @BeforeEach
    void aCaseWithAVictimAndASuspect() {
        Scenario s = new Scenario(base);
        worker = s.caseworker(s.organisation("POLICE", "RDM"));
        caseId = worker.post("api/cases", aCase()).json().get("id").asLong();
        long victim = worker.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        suspect = worker.post("api/cases/" + caseId + "/suspects", aSuspect(victim))
                .json()
                .get("id")
                .asLong();
        assertEquals(
                201,
                worker.post("api/parties/" + suspect + "/chain-events", step("IN_VIEW", "2023-03-05"))
                        .status());
    }

    @Test
    void eachChainRuleIsRefusedByNameAndWritesNothing() {
        Map<String, Map<String, Object>> cases = Map.of(
                "VERDICT_NEEDS_OM_INFLOW", Json.with(step("VERDICT", "2023-04-01"), "verdict", "CONVICTION"),
                "SENTENCE_NEEDS_CONVICTION",
                        Json.with(step("SENTENCE", "2023-04-01"), "sentence", Json.of("fineEuros", 500)),
                "CHAIN_DATE_BEFORE_PREVIOUS", step("OM_INFLOW", "2023-03-01"),
                "IN_VIEW_ONCE", step("IN_VIEW", "2023-03-06"),
                "DECISION_NEEDS_OM_INFLOW", Json.with(step("OM_DECISION", "2023-04-01"), "decision", "SUMMONS"),
                "APPEAL_NEEDS_VERDICT", step("APPEAL", "2023-04-01"),
                "ARTICLE_NOT_IN_FORCE",
                        Json.with(
                                step("OM_INFLOW", "2023-04-01"),
                                "charges",
                                List.of(Json.of("article", "251", "lawVersion", "WSM", "offenceDate", "2023-01-01"))),
                "ARTICLE_UNKNOWN",
                        Json.with(
                                step("OM_INFLOW", "2023-04-01"),
                                "charges",
                                List.of(Json.of("article", "999z", "lawVersion", "SR", "offenceDate", "2023-01-01"))));
        cases.forEach((rule, body) -> {
            String before = Db.chainFingerprint();
            Api.Reply r = worker.post("api/parties/" + suspect + "/chain-events", body);
            assertEquals(400, r.status(), rule + ": " + r);
            assertProblem(r);
            assertEquals(rule, r.json().get("rule").asText(), "the refusal names the rule broken");
            assertTrue(r.json().get("errors").get(0).has("field"), "and the field at fault: " + r);
            assertEquals(before, Db.chainFingerprint(), rule + " must not write anything");
        });
    }

    @Test
    void aangifteRulesAreRefusedByName() {
        long victim = worker.post("api/cases/" + caseId + "/victims", aVictim())
                .json()
                .get("id")
                .asLong();
        String before = Db.chainFingerprint();
        Api.Reply r = worker.post(
                "api/parties/" + victim + "/aangifte-events", Json.of("type", "WITHDRAWN", "on", "2023-01-01"));
        assertEquals(400, r.status(), r.toString());
        assertEquals("AANGIFTE_WITHDRAWN_NOT_FROM_NONE", r.json().get("rule").asText());
        Api.Reply noReason = worker.post(
                "api/parties/" + victim + "/aangifte-events", Json.of("type", "DECLINED", "on", "2023-01-01"));
        assertEquals("DECLINED_NEEDS_REASON", noReason.json().get("rule").asText());
        assertEquals(before, Db.chainFingerprint());
    }

    @Test
    void badInputGetsFieldErrorsAndWritesNothing() {
        Map<String, Object> valid = aCase();
        Map<String, Object[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("unknown field", new Object[] {Json.with(valid, "colour", "red"), "colour"});
        bodies.put(
                "mass assignment of the owner",
                new Object[] {Json.with(valid, "ownerOrganisationId", 1), "ownerOrganisationId"});
        bodies.put("mass assignment of the id", new Object[] {Json.with(valid, "id", 5), "id"});
        bodies.put("mass assignment of the version", new Object[] {Json.with(valid, "version", 9), "version"});
        bodies.put("wrong type", new Object[] {Json.with(valid, "suspectCount", "two"), "suspectCount"});
        bodies.put("wrong type for a flag", new Object[] {Json.with(valid, "network", "yes"), "network"});
        bodies.put("wrong enum", new Object[] {Json.with(valid, "origin", "RUMOUR"), "origin"});
        bodies.put("missing required", new Object[] {Json.without(valid, "openedOn"), "openedOn"});
        bodies.put(
                "unknown municipality",
                new Object[] {Json.with(valid, "municipalityCode", "GM9999"), "municipalityCode"});
        bodies.put("unknown code", new Object[] {
            Json.with(valid, "exploitationForms", List.of("SEXUAL", "ALCHEMY")), "exploitationForms"
        });
        bodies.put("date in the future", new Object[] {Json.with(valid, "openedOn", "2999-01-01"), "openedOn"});
        bodies.put("date before 1900", new Object[] {Json.with(valid, "openedOn", "1850-01-01"), "openedOn"});
        bodies.put("not a date", new Object[] {Json.with(valid, "openedOn", "31-12-2023"), "openedOn"});
        bodies.put("oversized string", new Object[] {
            Json.with(valid, "municipalityCode", "GM" + "0".repeat(5000)), "municipalityCode"
        });
        bodies.put("negative count", new Object[] {Json.with(valid, "suspectCount", -1), "suspectCount"});
        bodies.put(
                "signal without signaller",
                new Object[] {Json.with(valid, "origin", "SIGNAL"), "signallingOrganisationId"});
        String before = Db.chainFingerprint();
        bodies.forEach((what, spec) -> {
            Api.Reply r = worker.post("api/cases", spec[0]);
            assertEquals(400, r.status(), what + ": " + r);
            assertProblem(r);
            assertTrue(fields(r.json()).contains(spec[1]), what + " names field " + spec[1] + ": " + r);
        });
        Api.Reply malformed = worker.post("api/cases", "{\"municipalityCode\": \"GM0363\",");
        assertEquals(400, malformed.status(), malformed.toString());
        assertProblem(malformed);
        Api.Reply wrongType = worker.send(
                "POST",
                "api/cases",
                "municipalityCode=GM0363",
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertEquals(415, wrongType.status(), wrongType.toString());
        assertProblem(wrongType);
        Api.Reply emptyBody = worker.send("POST", "api/cases", "", Map.of("Content-Type", "application/json"));
        assertEquals(400, emptyBody.status(), emptyBody.toString());
        assertProblem(emptyBody);
        assertEquals(before, Db.chainFingerprint(), "no refused request wrote anything");
    }

    @Test
    void nestedBadInputOfPartiesAndProceedings() {
        String before = Db.chainFingerprint();
        Api.Reply victim = worker.post(
                "api/cases/" + caseId + "/victims",
                Json.with(aVictim(), "birthMonth", 13, "vulnerabilities", List.of("NOT_A_CODE")));
        assertEquals(400, victim.status(), victim.toString());
        assertTrue(fields(victim.json()).contains("birthMonth"), victim.toString());
        Api.Reply sentence = worker.post(
                "api/parties/" + suspect + "/chain-events",
                Json.with(step("SENTENCE", "2023-04-01"), "sentence", Json.of("fineEuros", "lots")));
        assertEquals(400, sentence.status(), sentence.toString());
        assertTrue(fields(sentence.json()).contains("sentence.fineEuros"), sentence.toString());
        Api.Reply notANumber = worker.get("api/cases/abc");
        assertEquals(404, notANumber.status(), notANumber.toString());
        assertProblem(notANumber);
        Api.Reply badFilter = worker.get("api/cases?origin=RUMOUR");
        assertFalse(badFilter.status() >= 500, badFilter.toString());
        Api.Reply badSort = worker.get("api/cases?sort=password,desc");
        assertEquals(400, badSort.status(), badSort.toString());
        assertEquals(before, Db.chainFingerprint());
    }

    @Test
    void everyFieldErrorOfARequestComesInOneAnswerWithItsCode() {
        String before = Db.chainFingerprint();
        Api.Reply c = worker.post(
                "api/cases",
                Json.with(
                        aCase(),
                        "suspectCount",
                        -1,
                        "municipalityCode",
                        "GM9999",
                        "exploitationForms",
                        List.of("ALCHEMY")));
        assertEquals(400, c.status(), c.toString());
        assertEquals("request.invalid", c.json().get("code").asText(), c.toString());
        assertEquals(3, c.json().at("/params/count").asInt(), "the problem counts its field errors: " + c);
        Map<String, JsonNode> errors = byField(c.json());
        assertEquals(
                java.util.Set.of("suspectCount", "municipalityCode", "exploitationForms"),
                errors.keySet(),
                "Bean Validation and the service's own checks answer together: " + c);
        assertEquals("validation.min", errors.get("suspectCount").get("code").asText());
        assertEquals(
                0,
                errors.get("suspectCount").at("/params/value").asInt(),
                "the bound is a parameter, not English text");
        assertEquals(
                "check.unknownMunicipality",
                errors.get("municipalityCode").get("code").asText());
        assertEquals(
                "check.unknownCode", errors.get("exploitationForms").get("code").asText());
        assertEquals(
                "ALCHEMY", errors.get("exploitationForms").at("/params/value").asText());

        Api.Reply v = worker.post(
                "api/cases/" + caseId + "/victims",
                Json.with(
                        aVictim(),
                        "birthYear",
                        1800,
                        "vulnerabilities",
                        List.of("NOT_A_CODE"),
                        "exploitationStartedOn",
                        "2999-01-01"));
        assertEquals(400, v.status(), v.toString());
        Map<String, JsonNode> victim = byField(v.json());
        assertEquals(
                java.util.Set.of("birthYear", "vulnerabilities", "exploitationStartedOn"),
                victim.keySet(),
                v.toString());
        assertEquals("validation.min", victim.get("birthYear").get("code").asText());
        assertEquals(1900, victim.get("birthYear").at("/params/value").asInt());
        assertEquals(
                "check.dateInFuture",
                victim.get("exploitationStartedOn").get("code").asText());

        Api.Reply rule = worker.post(
                "api/parties/" + suspect + "/chain-events",
                Json.with(step("VERDICT", "2023-04-01"), "verdict", "CONVICTION"));
        assertEquals(
                "VERDICT_NEEDS_OM_INFLOW",
                rule.json().get("code").asText(),
                "a chain rule's code is its rule: " + rule);
        assertEquals("VERDICT_NEEDS_OM_INFLOW", rule.json().at("/errors/0/code").asText());
        Api.Reply once = worker.post("api/parties/" + suspect + "/chain-events", step("IN_VIEW", "2023-03-06"));
        assertEquals("IN_VIEW_ONCE", once.json().get("rule").asText());
        assertEquals("STAGE_ONCE", once.json().get("code").asText(), "a family of rules shares a code");
        assertEquals("IN_VIEW", once.json().at("/params/stage").asText(), "with the varying part as a parameter");
        assertEquals(before, Db.chainFingerprint());
    }

    private static Map<String, JsonNode> byField(JsonNode problem) {
        Map<String, JsonNode> errors = new java.util.HashMap<>();
        problem.path("errors").forEach(e -> errors.put(e.get("field").asText(), e));
        return errors;
    }

    private static void assertProblem(Api.Reply r) {
        assertTrue(
                r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                "problem+json: " + r.contentType());
        assertFalse(r.body().contains("Exception") || r.body().contains("SQL"), "no internals leak: " + r.body());
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new java.util.ArrayList<>();
        problem.path("errors").forEach(e -> fields.add(e.get("field").asText()));
        return fields;
    }
}
