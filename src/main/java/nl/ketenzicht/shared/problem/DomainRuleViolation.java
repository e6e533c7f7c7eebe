package nl.ketenzicht.shared.problem;

import java.util.List;

/**
 * An entity refused a transition. Thrown by the domain itself, so it names the rule (a stable code,
 * e.g. {@code VERDICT_NEEDS_OM_INFLOW}) and the field the user should look at.
 */
public class DomainRuleViolation extends ProblemException {

    public DomainRuleViolation(String rule, String field, String message) {
        super(400, "Rule of the chain violated", message, rule, List.of(new Problem.FieldError(field, message)));
    }
}
