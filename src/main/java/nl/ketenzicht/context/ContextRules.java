package nl.ketenzicht.context;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.PilotRequest;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * The rules of the context inputs that Bean Validation cannot state, one place for the API and the
 * CSV upload: a year is at most one year ahead (a plan for next year, never a guess further out), FTE
 * have at most two decimals, a pilot ends on or after its start in known, distinct police units.
 */
final class ContextRules {

    /** How far ahead a year's context may be entered. */
    static final int YEARS_AHEAD = 1;

    private ContextRules() {}

    static void year(Checks checks, String field, int year, LocalDate today) {
        int max = today.getYear() + YEARS_AHEAD;
        if (year < Years.MIN) {
            checks.fail(field, MessageCode.MIN, Map.of("value", Years.MIN), "Must be " + Years.MIN + " or later.");
        } else if (year > max) {
            checks.fail(field, MessageCode.YEAR_TOO_FAR_AHEAD, Map.of("max", max), "Choose a year up to " + max + ".");
        }
    }

    static void capacity(Checks checks, CapacityRequest r) {
        decimals(checks, "avim", r.avim());
        decimals(checks, "zeden", r.zeden());
        decimals(checks, "digital", r.digital());
        decimals(checks, "psychologists", r.psychologists());
    }

    static void pilot(Checks checks, PilotRequest r, Predicate<String> unitExists) {
        checks.notBefore("endsOn", r.endsOn(), "startsOn", r.startsOn());
        if (r.startsOn() != null && r.startsOn().getYear() < Years.MIN) {
            checks.fail(
                    "startsOn", MessageCode.MIN, Map.of("value", Years.MIN), "Must lie in " + Years.MIN + " or later.");
        }
        if (r.policeUnits() != null) {
            Set<String> seen = new HashSet<>();
            for (String unit : r.policeUnits()) {
                if (unit == null) {
                    continue;
                }
                if (!unitExists.test(unit)) {
                    checks.fail("policeUnits", MessageCode.UNKNOWN_POLICE_UNIT, "Unknown police unit.");
                } else if (!seen.add(unit)) {
                    checks.fail(
                            "policeUnits",
                            MessageCode.DUPLICATE_VALUE,
                            Map.of("value", unit),
                            unit + " is given twice.");
                }
            }
        }
    }

    /** A regional coordinator keeps a pilot only while their own unit is its only unit. */
    static boolean onlyOwnUnit(List<String> units, String own) {
        return units != null && !units.isEmpty() && units.stream().allMatch(own::equals);
    }

    /** The same values as saved: a save of equal values makes no new version. */
    static boolean sameFte(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }

    private static void decimals(Checks checks, String field, BigDecimal value) {
        if (value != null && value.stripTrailingZeros().scale() > 2) {
            checks.fail(field, MessageCode.FTE_DECIMALS, "Use at most two decimals.");
        }
    }
}
