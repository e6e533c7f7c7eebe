package nl.ketenzicht.imports;

import static nl.ketenzicht.imports.ImportColumn.*;

import java.util.List;
import java.util.Set;
import nl.ketenzicht.care.CareRequests;
import nl.ketenzicht.cases.CaseRequests.CaseRequest;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;
import nl.ketenzicht.context.ContextRequests;
import nl.ketenzicht.linkage.RegistrationRequests;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.parties.PartyRequests;
import nl.ketenzicht.parties.PsychologistAdvice;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.ProceedingsRequests;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;

/**
 * Turns a row into the request the API's own service takes for its kind, so that the service's
 * checks, reference data and scope decide (never a copy of them here). References to other rows
 * (linked victims, the party of a step) stay references until the unit resolves them to ids.
 */
final class RowRequests {

    private RowRequests() {}

    /** A capacity row: the API's request with the police unit and year its address names. */
    record CapacityRow(String unit, Integer year, ContextRequests.CapacityRequest request) {}

    /** A priority row: the API's request with the municipality and year its address names. */
    record PriorityRow(String municipality, Integer year, ContextRequests.PriorityRequest request) {}

    /** A row ready for its service: the request, the references it needs resolved, its hash and its problems so far. */
    record Parsed(
            ImportRow row,
            Object request,
            Long caseId,
            Set<String> linkedVictims,
            String party,
            String hash,
            List<RowProblem> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    static Parsed parse(ImportRow row) {
        RowValues v = new RowValues(row);
        Long caseId = null;
        Set<String> linked = Set.of();
        String party = null;
        Object request = switch (row.kind()) {
            case CASE -> {
                caseId = v.number(CASE_ID);
                yield new CaseRequest(
                        v.upper(MUNICIPALITY),
                        v.date(OPENED_ON),
                        v.choice(ORIGIN, Origin.class),
                        v.number(SIGNALLER),
                        v.list(EXPLOITATION_FORMS, true),
                        v.list(INVESTIGATION_METHODS, true),
                        v.choice(TEAM_TYPE, TeamType.class),
                        v.integer(SUSPECT_COUNT),
                        v.yesNo(NETWORK));
            }
            case VICTIM ->
                new PartyRequests.VictimRequest(
                        v.choice(GENDER, Gender.class),
                        v.integer(BIRTH_YEAR),
                        v.integer(BIRTH_MONTH),
                        v.upper(NATIONALITY),
                        v.list(VULNERABILITIES, true),
                        v.upper(RECRUITMENT_CHANNEL),
                        v.date(EXPLOITATION_STARTED_ON),
                        v.integer(ESTIMATED_CLIENTS),
                        v.yesNo(CONSENT),
                        row.reference());
            case SUSPECT -> {
                var r = new PartyRequests.SuspectRequest(
                        v.choice(GENDER, Gender.class), v.integer(BIRTH_YEAR), v.upper(ROLE), null, row.reference());
                linked = orEmpty(v.list(LINKED_VICTIMS, false));
                yield r;
            }
            case CLIENT -> {
                var r = new PartyRequests.ClientRequest(
                        v.choice(GENDER, Gender.class),
                        v.integer(BIRTH_YEAR),
                        v.integer(CONTACT_COUNT),
                        v.yesNo(AGE_VERIFICATION),
                        null,
                        row.reference());
                linked = orEmpty(v.list(LINKED_VICTIMS, false));
                yield r;
            }
            case AANGIFTE -> {
                party = v.text(PARTY_REF);
                yield new PartyRequests.AangifteEventRequest(
                        v.choice(AANGIFTE_TYPE, AangifteEvent.Type.class),
                        v.date(DATE),
                        v.list(REASONS, true),
                        v.yesNo(TRAUMA_STUDIO),
                        v.choice(PSYCHOLOGIST, PsychologistAdvice.class));
            }
            case CHAIN_EVENT -> {
                party = v.text(PARTY_REF);
                yield chainEvent(v);
            }
            case RUNAWAY -> {
                party = v.text(PARTY_REF);
                yield new CareRequests.RunawayRequest(
                        v.upper(INSTITUTION_TYPE),
                        v.date(MISSING_SINCE),
                        v.date(REPORTED_ON),
                        v.date(FOUND_ON),
                        v.yesNo(VICTIMISED_DURING));
            }
            case REFERRAL -> {
                party = v.text(PARTY_REF);
                yield new CareRequests.ReferralRequest(
                        v.upper(CARE_TYPE), v.date(REFERRED_ON), v.date(CARE_STARTED_ON), v.date(CARE_ENDED_ON));
            }
            case CAPACITY ->
                new CapacityRow(
                        v.required(v.upper(POLICE_UNIT), POLICE_UNIT),
                        v.required(v.integer(YEAR), YEAR),
                        new ContextRequests.CapacityRequest(
                                v.decimal(FTE_AVIM),
                                v.decimal(FTE_ZEDEN),
                                v.decimal(FTE_DIGITAL),
                                v.decimal(FTE_PSYCHOLOGISTS)));
            case PRIORITY ->
                new PriorityRow(
                        v.required(v.upper(MUNICIPALITY), MUNICIPALITY),
                        v.required(v.integer(YEAR), YEAR),
                        new ContextRequests.PriorityRequest(v.yesNo(PRIORITY_SET)));
            case REGISTRATION ->
                new RegistrationRequests.RegistrationRequest(
                        v.date(REGISTERED_ON),
                        v.upper(MUNICIPALITY),
                        v.text(FIRST_NAME),
                        v.text(FAMILY_NAME),
                        v.date(BIRTH_DATE),
                        v.choice(GENDER, Gender.class),
                        null);
        };
        if (Set.of(RecordKind.AANGIFTE, RecordKind.CHAIN_EVENT, RecordKind.RUNAWAY, RecordKind.REFERRAL)
                        .contains(row.kind())
                && party == null) {
            v.problems()
                    .add(RowProblem.of(
                            row.number(),
                            PARTY_REF,
                            nl.ketenzicht.shared.problem.MessageCode.REQUIRED,
                            java.util.Map.of(),
                            "Name the party this row is about."));
        }
        List<RowProblem> problems = new java.util.ArrayList<>(row.problems());
        problems.addAll(v.problems());
        // A registration's values hold names and a birth date: their plain hash could be reversed by trying
        // names and dates, so the applier keys it with the linkage secret instead (as the API's fingerprint).
        String hash = row.kind() == RecordKind.REGISTRATION ? null : v.hash();
        return new Parsed(row, request, caseId, linked, party, hash, List.copyOf(problems));
    }

    private static ProceedingsRequests.ChainEventRequest chainEvent(RowValues v) {
        Stage stage = v.choice(STAGE, Stage.class);
        var on = v.date(DATE);
        Decision decision = v.choice(DECISION, Decision.class);
        Verdict verdict = v.choice(VERDICT, Verdict.class);
        ProceedingsRequests.SentenceRequest sentence = null;
        if (v.any(CUSTODY_DAYS, CONDITIONAL_DAYS, COMMUNITY_HOURS, FINE, MEASURE)) {
            sentence = new ProceedingsRequests.SentenceRequest(
                    v.integer(CUSTODY_DAYS),
                    v.integer(CONDITIONAL_DAYS),
                    v.integer(COMMUNITY_HOURS),
                    v.integer(FINE),
                    v.upper(MEASURE));
        }
        List<ProceedingsRequests.ChargeRequest> charges = null;
        if (v.any(ARTICLE, LAW_VERSION, OFFENCE_DATE)) {
            charges = List.of(
                    new ProceedingsRequests.ChargeRequest(v.text(ARTICLE), v.upper(LAW_VERSION), v.date(OFFENCE_DATE)));
        }
        return new ProceedingsRequests.ChainEventRequest(stage, on, decision, verdict, sentence, charges);
    }

    private static Set<String> orEmpty(Set<String> s) {
        return s == null ? Set.of() : s;
    }
}
