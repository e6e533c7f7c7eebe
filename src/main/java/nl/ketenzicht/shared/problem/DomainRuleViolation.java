package nl.ketenzicht.shared.problem;

import java.util.List;
import java.util.Map;

/**
 * An entity refused a transition. Thrown by the domain itself, so it names the rule (a stable code,
 * e.g. {@code VERDICT_NEEDS_OM_INFLOW}) and the field the user should look at. The rule is also the
 * message code, except for a family of rules (e.g. {@code VERDICT_ONCE}, {@code APPEAL_ONCE}) that
 * shares one code with the varying part as a parameter.
 */
public class DomainRuleViolation extends ProblemException {

    public DomainRuleViolation(MessageCode rule, String field, String message) {
        this(rule, rule.code(), Map.of(), field, message);
    }

    public DomainRuleViolation(MessageCode rule, Map<String, ?> params, String field, String message) {
        this(rule, rule.code(), params, field, message);
    }

    /** A rule of a family: {@code rule} is the specific name, {@code code} the family's message code. */
    public DomainRuleViolation(MessageCode code, String rule, Map<String, ?> params, String field, String message) {
        super(
                400,
                "Rule of the chain violated",
                code,
                params,
                message,
                rule,
                List.of(new Problem.FieldError(field, code, params, message)));
    }
}
