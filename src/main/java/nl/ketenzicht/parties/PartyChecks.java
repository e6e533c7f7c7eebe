package nl.ketenzicht.parties;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.MessageCode;

/** Checks party requests (their constraints, the reference lists, the clock, the case's victims) in one go. */
@ApplicationScoped
class PartyChecks {

    @Inject
    ReferenceData reference;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    VictimProfile victim(PartyRequests.VictimRequest r) {
        Set<String> vulnerabilities = r.vulnerabilities() == null ? Set.of() : r.vulnerabilities();
        new Checks(clock)
                .valid(validator, r)
                .code("nationality", r.nationality(), c -> reference.codeExists("NATIONALITY", c))
                .codes("vulnerabilities", vulnerabilities, c -> reference.codeExists("VULNERABILITY", c))
                .code("recruitmentChannel", r.recruitmentChannel(), c -> reference.codeExists("RECRUITMENT_CHANNEL", c))
                .past("exploitationStartedOn", r.exploitationStartedOn())
                .require(
                        r.birthYear() == null
                                || r.birthYear()
                                        <= java.time.LocalDate.now(clock).getYear(),
                        "birthYear",
                        MessageCode.YEAR_IN_FUTURE,
                        "This year lies in the future.")
                .throwIfAny();
        return new VictimProfile(
                r.gender(),
                r.birthYear(),
                r.birthMonth(),
                r.nationality(),
                vulnerabilities,
                r.recruitmentChannel(),
                r.exploitationStartedOn(),
                r.estimatedClientCount(),
                r.consentToShare());
    }

    Set<Long> suspect(PartyRequests.SuspectRequest r, Collection<Long> victimsOfCase) {
        Set<Long> linked = r.linkedVictimIds() == null ? Set.of() : r.linkedVictimIds();
        new Checks(clock)
                .valid(validator, r)
                .code("role", r.role(), c -> reference.codeExists("SUSPECT_ROLE", c))
                .require(
                        victimsOfCase.containsAll(linked),
                        "linkedVictimIds",
                        MessageCode.LINK_OWN_VICTIMS,
                        "Link only victims of this case.")
                .throwIfAny();
        return linked;
    }

    Set<Long> client(PartyRequests.ClientRequest r, Collection<Long> victimsOfCase) {
        Set<Long> linked = r.linkedVictimIds() == null ? Set.of() : r.linkedVictimIds();
        new Checks(clock)
                .valid(validator, r)
                .require(
                        victimsOfCase.containsAll(linked),
                        "linkedVictimIds",
                        MessageCode.LINK_OWN_VICTIMS,
                        "Link only victims of this case.")
                .throwIfAny();
        return linked;
    }

    AangifteEvent aangifteEvent(PartyRequests.AangifteEventRequest r) {
        Set<String> reasons = r.reasons() == null ? Set.of() : r.reasons();
        new Checks(clock)
                .valid(validator, r)
                .past("on", r.on())
                .codes("reasons", reasons, c -> reference.codeExists("NON_REPORTING_REASON", c))
                .throwIfAny();
        return new AangifteEvent(
                r.type(),
                r.on(),
                reasons,
                Boolean.TRUE.equals(r.traumaStudio()),
                r.psychologistAdvised() == null ? PsychologistAdvice.NONE : r.psychologistAdvised());
    }
}
