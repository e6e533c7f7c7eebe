package nl.ketenzicht.shared.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.lang.annotation.Annotation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The message code and parameters of a Bean Validation violation, read from the constraint's type
 * and attributes (never from its English text), so a client can say it in the user's language.
 */
public final class ConstraintCodes {

    private static final Logger LOG = Logger.getLogger(ConstraintCodes.class.getName());
    // The patterns of our requests; any other pattern gets the generic code.
    private static final Map<String, MessageCode> PATTERNS = Map.of(
            "GM\\d{4}", MessageCode.PATTERN_MUNICIPALITY,
            "GM[0-9]{4}", MessageCode.PATTERN_MUNICIPALITY,
            "[A-Z0-9-]+", MessageCode.PATTERN_ORGANISATION_CODE,
            "[a-zA-Z0-9._@-]+", MessageCode.PATTERN_USERNAME,
            "\\d{6}", MessageCode.PATTERN_SIX_DIGITS,
            "[A-Z]{2,8}", MessageCode.PATTERN_POLICE_UNIT,
            "[0-9a-f]{64}", MessageCode.PATTERN_SHA256,
            "[a-z0-9-]+", MessageCode.PATTERN_SECRET_NAME,
            "[A-Za-z0-9.-]+\\.[A-Za-z]{2,}", MessageCode.PATTERN_DOMAIN);

    private ConstraintCodes() {}

    public static Problem.FieldError errorOf(String field, ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        Annotation constraint = descriptor.getAnnotation();
        Map<String, Object> attributes = descriptor.getAttributes();
        Map<String, Object> params = new LinkedHashMap<>();
        MessageCode code =
                codeOf(constraint.annotationType().getSimpleName(), attributes, violation.getInvalidValue(), params);
        if (code == MessageCode.INVALID_VALUE) {
            LOG.warning(() -> "no message code for constraint "
                    + constraint.annotationType().getName());
        }
        return new Problem.FieldError(field, code, params, violation.getMessage());
    }

    static MessageCode codeOf(
            String constraint, Map<String, Object> attributes, Object value, Map<String, Object> params) {
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> MessageCode.REQUIRED;
            case "Min", "DecimalMin" -> param(params, "value", attributes.get("value"), MessageCode.MIN);
            case "Max", "DecimalMax" -> param(params, "value", attributes.get("value"), MessageCode.MAX);
            case "PositiveOrZero" -> param(params, "value", 0, MessageCode.MIN);
            case "Positive" -> MessageCode.POSITIVE;
            case "Negative" -> MessageCode.NEGATIVE;
            case "NegativeOrZero" -> MessageCode.NEGATIVE_OR_ZERO;
            case "Size" -> size((Integer) attributes.get("min"), (Integer) attributes.get("max"), value, params);
            case "Pattern" -> PATTERNS.getOrDefault(String.valueOf(attributes.get("regexp")), MessageCode.PATTERN);
            case "Email" -> MessageCode.EMAIL;
            case "Past" -> MessageCode.PAST;
            case "PastOrPresent" -> MessageCode.NOT_IN_FUTURE;
            case "Future" -> MessageCode.FUTURE;
            case "FutureOrPresent" -> MessageCode.FUTURE_OR_PRESENT;
            default -> MessageCode.INVALID_VALUE;
        };
    }

    /** Length of a text or number of items of a list, with whichever bounds the constraint sets. */
    private static MessageCode size(int min, int max, Object value, Map<String, Object> params) {
        boolean text = value instanceof CharSequence
                || !(value instanceof Collection<?>
                        || value instanceof Map<?, ?>
                        || (value != null && value.getClass().isArray()));
        if (min > 0) {
            params.put("min", min);
        }
        if (max < Integer.MAX_VALUE) {
            params.put("max", max);
        }
        if (min > 0 && max < Integer.MAX_VALUE) {
            return text ? MessageCode.LENGTH_BETWEEN : MessageCode.COUNT_BETWEEN;
        }
        if (min > 0) {
            return text ? MessageCode.LENGTH_MIN : MessageCode.COUNT_MIN;
        }
        return text ? MessageCode.LENGTH_MAX : MessageCode.COUNT_MAX;
    }

    private static MessageCode param(Map<String, Object> params, String name, Object value, MessageCode code) {
        params.put(name, value instanceof String s && s.matches("-?\\d+") ? Long.valueOf(s) : value);
        return code;
    }
}
