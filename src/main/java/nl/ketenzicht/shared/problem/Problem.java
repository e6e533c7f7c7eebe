package nl.ketenzicht.shared.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * RFC 9457 problem document, the one error shape of the API. {@code errors} names the fields at
 * fault; {@code rule} names the domain rule that refused a change; {@code correlationId} ties a
 * response to the server log without revealing anything else.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String rule,
                      List<FieldError> errors, String correlationId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String message) {
    }
}
