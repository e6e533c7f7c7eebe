package nl.ketenzicht.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * RFC 9457 problem document, the one error shape of the API. {@code errors} names the fields at
 * fault; {@code rule} names the domain rule that refused a change; {@code correlationId} ties a
 * response to the server log without revealing anything else. {@code code} and {@code params} (on
 * the problem and on each field error) let a client say the same as the English {@code detail} or
 * {@code message} in the user's language; the codes are listed in {@link MessageCode}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String code,
        Map<String, Object> params,
        String detail,
        String rule,
        List<FieldError> errors,
        String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldError(String field, String code, Map<String, Object> params, String message) {

        public FieldError(String field, MessageCode code, Map<String, ?> params, String message) {
            this(field, code.code(), Params.copy(params), message);
        }

        public FieldError(String field, MessageCode code, String message) {
            this(field, code, Map.of(), message);
        }
    }
}
