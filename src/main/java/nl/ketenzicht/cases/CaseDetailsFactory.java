package nl.ketenzicht.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.security.Users;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.problem.MessageCode;

/** Checks a case request (its constraints, the reference lists, the clock) in one go, and derives the region. */
@ApplicationScoped
class CaseDetailsFactory {

    @Inject
    ReferenceData reference;

    @Inject
    Users users;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    CaseDetails from(CaseRequests.CaseRequest r) {
        Set<String> methods = r.investigationMethods() == null ? Set.of() : r.investigationMethods();
        Checks checks = new Checks(clock).valid(validator, r);
        var municipality = checks.failed("municipalityCode")
                ? Optional.<ReferenceViews.Municipality>empty()
                : reference.municipality(r.municipalityCode());
        checks.requireIfValid(
                        List.of("municipalityCode"),
                        municipality::isPresent,
                        "municipalityCode",
                        MessageCode.UNKNOWN_MUNICIPALITY,
                        "Unknown municipality code.")
                .past("openedOn", r.openedOn())
                .codes("exploitationForms", r.exploitationForms(), c -> reference.codeExists("EXPLOITATION_FORM", c))
                .codes("investigationMethods", methods, c -> reference.codeExists("INVESTIGATION_METHOD", c))
                .require(
                        r.origin() != Origin.SIGNAL || r.signallingOrganisationId() != null,
                        "signallingOrganisationId",
                        MessageCode.SIGNALLER_REQUIRED,
                        "Name the partner that gave the signal.")
                .require(
                        r.signallingOrganisationId() == null
                                || users.organisation(r.signallingOrganisationId())
                                        .isPresent(),
                        "signallingOrganisationId",
                        MessageCode.UNKNOWN_ORGANISATION,
                        "No such organisation.")
                .throwIfAny();
        return new CaseDetails(
                region(municipality.orElseThrow()),
                r.openedOn(),
                r.origin(),
                r.signallingOrganisationId(),
                r.exploitationForms(),
                methods,
                r.teamType(),
                r.suspectCount(),
                r.network());
    }

    private Region region(ReferenceViews.Municipality m) {
        String office = reference
                .courtDistrict(m.courtDistrict())
                .map(ReferenceViews.CourtDistrict::prosecutionOffice)
                .orElseThrow();
        return new Region(m.code(), m.policeUnit(), m.courtDistrict(), office);
    }
}
