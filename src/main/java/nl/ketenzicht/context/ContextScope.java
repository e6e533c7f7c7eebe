package nl.ketenzicht.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Map;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reports.RegionalScope;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Who keeps which context: administrators and national coordinators all of it; a regional
 * coordinator their own police unit and its municipalities, read and written, through the one
 * {@link RegionalScope} of the aggregates.
 */
@RequestScoped
class ContextScope {

    @Inject
    CurrentCaller caller;

    @Inject
    RegionalScope regional;

    @Inject
    ReferenceData reference;

    /** The regional coordinator's police unit; null for a national coordinator or an administrator. */
    String unit() {
        return caller.require().role() == Role.COORDINATOR ? regional.unit() : null;
    }

    /** The police unit exists (400) and lies in the caller's scope (403). */
    void requireUnit(String unit) {
        if (unit == null || !reference.policeUnitExists(unit)) {
            throw ProblemException.invalid("policeUnit", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit.");
        }
        if (unit() != null) {
            regional.requireUnit(unit);
        }
    }

    /** The municipality exists (400) and lies in the caller's police unit (403); its police unit. */
    String requireMunicipality(String code) {
        var m = reference
                .municipality(code)
                .orElseThrow(() -> ProblemException.invalid(
                        "municipalityCode", MessageCode.UNKNOWN_MUNICIPALITY, "Unknown municipality code."));
        if (unit() != null) {
            regional.requireUnit(m.policeUnit());
        }
        return m.policeUnit();
    }

    /** The unit a list is filtered on: the one asked for, which for a regional coordinator must be their own. */
    String listUnit(String asked) {
        if (asked != null) {
            requireUnit(asked);
            return asked;
        }
        return unit();
    }

    /** Refusal of a pilot that names units outside the regional coordinator's own. */
    ProblemException pilotNotYours() {
        return new ProblemException(
                403,
                "Forbidden",
                MessageCode.FORBIDDEN_PILOT_OTHER_UNITS,
                Map.of("unit", unit()),
                "A regional coordinator keeps only pilots of their own police unit " + unit() + " alone.");
    }
}
