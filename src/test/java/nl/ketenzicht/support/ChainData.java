package nl.ketenzicht.support;

import java.util.List;
import java.util.Map;

/** Valid request bodies for the chain, to vary one field at a time in tests. */
public final class ChainData {

    private ChainData() {}

    public static Map<String, Object> aCase() {
        return Json.of(
                "municipalityCode",
                "GM0363",
                "openedOn",
                "2023-03-01",
                "origin",
                "AMBTSHALVE",
                "exploitationForms",
                List.of("SEXUAL"),
                "investigationMethods",
                List.of("DIGITAL"),
                "teamType",
                "AVIM",
                "suspectCount",
                2,
                "network",
                true);
    }

    public static Map<String, Object> aVictim() {
        return Json.of(
                "gender",
                "FEMALE",
                "birthYear",
                2007,
                "birthMonth",
                5,
                "nationality",
                "NL",
                "vulnerabilities",
                List.of("LVB", "EATING_DISORDER"),
                "recruitmentChannel",
                "PRO_ANA",
                "exploitationStartedOn",
                "2022-09-01",
                "estimatedClientCount",
                70,
                "consentToShare",
                true);
    }

    public static Map<String, Object> aSuspect(long victimId) {
        return Json.of("gender", "MALE", "birthYear", 1995, "role", "MAIN", "linkedVictimIds", List.of(victimId));
    }

    public static Map<String, Object> aClient(long victimId) {
        return Json.of(
                "gender",
                "MALE",
                "birthYear",
                1970,
                "contactCount",
                3,
                "ageVerificationAtIssue",
                true,
                "linkedVictimIds",
                List.of(victimId));
    }

    /** A share with the partner organisation, of the scope, through its last day. */
    public static Map<String, Object> aShare(long organisationId, String scope, java.time.LocalDate lastDay) {
        return Json.of(
                "organisationId",
                organisationId,
                "purpose",
                "Chain partner on this case",
                "scope",
                scope,
                "expiresOn",
                lastDay.toString());
    }

    public static Map<String, Object> step(String stage, String on) {
        return Json.of("stage", stage, "on", on);
    }
}
