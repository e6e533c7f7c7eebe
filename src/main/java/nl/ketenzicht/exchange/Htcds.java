package nl.ketenzicht.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.ExchangeCase.Referral;
import nl.ketenzicht.exchange.ExchangeCase.Step;

/**
 * One person of a case as a record of the Human Trafficking Case Data Standard (HTCDS 2.0, IOM,
 * github.com/UNMigration/HTCDS): the flat row of the standard's spreadsheet template, with the Person,
 * Victim context or Perpetrator context, Case (with its referrals), one historic trafficking event and the
 * first support plan. Fields that start with {@code kz_} are Ketenzicht's additions (the export's own ids
 * and the criminal-justice chain, which HTCDS lacks); README "Exchange" has the field-by-field table.
 * Nothing identifying leaves: no names, no birth dates (the age when trafficked instead), no places below
 * the country, no free text, dates to the month (the first day).
 */
public final class Htcds {

    /** Every column, in the order of the CSV; a value absent for a person is left empty. */
    public static final List<String> FIELDS = List.of(
            "kz_CaseId",
            "kz_PersonId",
            "kz_PersonKind",
            "prs_Gender",
            "prs_Citizenship",
            "kz_CitizenshipGroup",
            "vic_TraffickingStatus",
            "vic_TraffickingStatusDecisionMakingOrg",
            "vic_AgeWhenTrafficked",
            "vic_RecruitmentWebsitesAndApps",
            "vic_MethodOfRecruitment",
            "vic_TypeOfExploitation",
            "per_RoleInProcess",
            "cas_Status",
            "cas_ReasonForCaseClosure",
            "cas_IncomingReferralDate",
            "cas_ReasonForIncomingReferral",
            "cas_OutgoingReferralDate",
            "cas_ReasonForOutgoingReferral",
            "hte_Type",
            "hte_Date",
            "hte_Country",
            "spl_Type",
            "spl_ActualEndDate",
            "con_Consent",
            "kz_CaseOrigin",
            "kz_AangifteStatus",
            "kz_ChainStage",
            "kz_OmDecision",
            "kz_Verdict",
            "kz_Articles");

    /** The standard's multi-select fields among them: a list in JSON, joined by ';' in CSV (as the template does). */
    public static final Set<String> MULTI = Set.of(
            "prs_Citizenship",
            "vic_RecruitmentWebsitesAndApps",
            "vic_MethodOfRecruitment",
            "vic_TypeOfExploitation",
            "per_RoleInProcess",
            "kz_Articles");

    private Htcds() {}

    /** The person's record; {@code caseId} and {@code personId} are the export's own ids. */
    public static Map<String, Object> record(ExchangeCase k, Person p, String caseId, String personId) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kz_CaseId", caseId);
        r.put("kz_PersonId", personId);
        r.put("kz_PersonKind", p.kind());
        r.put("prs_Gender", gender(p.gender()));
        r.put("prs_Citizenship", "NL".equals(p.nationality()) ? List.of("NL") : List.of());
        r.put("kz_CitizenshipGroup", p.nationality());
        if (p.victim()) {
            victim(k, p, r);
        } else {
            r.put("per_RoleInProcess", List.of(role(p.kind(), p.roleCode())));
        }
        r.put("cas_Status", status(k.status(), k.closingReason()));
        r.put("cas_ReasonForCaseClosure", k.closingReason());
        if (k.signalled()) {
            r.put("cas_IncomingReferralDate", month(k.openedOn()));
            r.put("cas_ReasonForIncomingReferral", "Other");
        }
        r.put("kz_CaseOrigin", k.origin());
        if (p.victim()) {
            r.put("kz_AangifteStatus", p.aangifteStatus());
        } else {
            chain(p, r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            Object v = r.get(f);
            out.put(f, v == null ? (MULTI.contains(f) ? List.of() : null) : v);
        }
        return out;
    }

    private static void victim(ExchangeCase k, Person p, Map<String, Object> r) {
        boolean actual = p.linkedOffenderConvicted();
        r.put("vic_TraffickingStatus", actual ? "ActualVictimOfTrafficking" : "PossibleVictimOfTrafficking");
        r.put("vic_TraffickingStatusDecisionMakingOrg", actual ? "CourtOrProsecution" : null);
        LocalDate started = p.exploitationStartedOn() != null ? p.exploitationStartedOn() : k.openedOn();
        r.put("vic_AgeWhenTrafficked", p.ageOn(started));
        String app = app(p.recruitmentChannel());
        r.put("vic_RecruitmentWebsitesAndApps", app == null ? List.of() : List.of(app));
        String method = recruitment(p.recruitmentChannel());
        r.put("vic_MethodOfRecruitment", method == null ? List.of() : List.of(method));
        Set<String> types = new LinkedHashSet<>();
        for (String form : k.forms()) {
            types.add(exploitation(form));
        }
        r.put("vic_TypeOfExploitation", new ArrayList<>(types));
        if (p.exploitationStartedOn() != null) {
            r.put("hte_Type", "Exploitation");
            r.put("hte_Date", month(p.exploitationStartedOn()));
            r.put("hte_Country", "NL");
        }
        if (!p.referrals().isEmpty()) {
            Referral first = p.referrals().get(0);
            r.put("cas_OutgoingReferralDate", month(first.referredOn()));
            r.put("cas_ReasonForOutgoingReferral", "AdditionalServicesRequired");
            r.put("spl_Type", supportPlan(first.careType()));
            r.put("spl_ActualEndDate", month(first.endedOn()));
        }
        r.put("con_Consent", p.consentToShare());
    }

    /** The chain as far as it went: the furthest stage, the OM's decision, the verdict and the articles charged. */
    private static void chain(Person p, Map<String, Object> r) {
        String furthest = null;
        for (Step s : p.steps()) {
            if (furthest == null
                    || nl.ketenzicht.proceedings.Stage.valueOf(s.stage()).ordinal()
                            > nl.ketenzicht.proceedings.Stage.valueOf(furthest).ordinal()) {
                furthest = s.stage();
            }
            if (s.decision() != null) {
                r.put("kz_OmDecision", s.decision());
            }
            if (s.verdict() != null) {
                r.put("kz_Verdict", s.verdict());
            }
        }
        r.put("kz_ChainStage", furthest);
        r.put(
                "kz_Articles",
                p.charges().stream()
                        .map(g -> g.article() + " " + g.lawVersion())
                        .distinct()
                        .toList());
    }

    static String gender(String g) {
        return switch (g) {
            case "FEMALE" -> "Feminine";
            case "MALE" -> "Masculine";
            case "X" -> "NonConforming";
            default -> "NonSpecifiedUnknown";
        };
    }

    /** A client is a "bought individual" (README: clients are rarely prosecuted, HTCDS names their role). */
    static String role(String kind, String roleCode) {
        if ("CLIENT".equals(kind) || "CLIENT".equals(roleCode)) {
            return "BoughtIndividual";
        }
        if (roleCode == null) {
            return "Other";
        }
        return switch (roleCode) {
            case "MAIN", "CO_PERPETRATOR" -> "Exploiter";
            case "RECRUITER" -> "RecruiterOrIntermediary";
            default -> "Other";
        };
    }

    static String status(String status, String closingReason) {
        if (!"CLOSED".equals(status)) {
            return "Active";
        }
        return "TRANSFERRED".equals(closingReason) ? "ClosedReferred" : "Closed";
    }

    static String exploitation(String form) {
        return switch (form) {
            case "SEXUAL" -> "SexualExploitation";
            case "LABOUR" -> "ForcedLabour";
            case "ORGAN_REMOVAL" -> "OrganRemoval";
            default -> "Other";
        };
    }

    /** The app or website of an online recruitment channel, where HTCDS lists one. */
    static String app(String channel) {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case "SNAPCHAT" -> "SnapChat";
            case "INSTAGRAM" -> "Instagram";
            case "TIKTOK" -> "TikTok";
            case "DATING_APP", "PRO_ANA", "GAMING", "ESCORT_SITE", "MESSAGING" -> "Other";
            default -> null;
        };
    }

    static String recruitment(String channel) {
        if (channel == null) {
            return null;
        }
        return switch (channel) {
            case "SNAPCHAT", "INSTAGRAM", "TIKTOK", "DATING_APP", "PRO_ANA", "GAMING", "MESSAGING" ->
                "ThroughOnlineSocialNetworks";
            case "ESCORT_SITE" -> "ThroughAnOnlineAdvertisement";
            case "PEER" -> "ThroughFriendsOrSocialEvents";
            case "FAMILY" -> "ThroughFamilyOrFamilyEvents";
            default -> "Other";
        };
    }

    static String supportPlan(String careType) {
        return switch (careType) {
            case "TRAUMA_THERAPY", "GGZ" -> "Health";
            case "OTHER" -> null;
            default -> "SocialCare";
        };
    }

    /** A date to its month: the first day, so that no exact day leaves. */
    static String month(LocalDate d) {
        return d == null ? null : d.withDayOfMonth(1).toString();
    }
}
