package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import nl.ketenzicht.shared.CorrelationId;

import java.util.List;

/** Builds problem responses; the only place that knows the media type and the type URIs. */
public final class Problems {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {
    }

    public static Response response(int status, String title, String detail) {
        return response(status, title, detail, null, List.of());
    }

    public static Response response(int status, String title, String detail, String rule,
                                    List<Problem.FieldError> errors) {
        Problem problem = new Problem(typeFor(status), title, status, detail, rule, errors, CorrelationId.current());
        return Response.status(status).type(PROBLEM).entity(problem).build();
    }

    /** The document alone, for the few answers given outside JAX-RS (a servlet filter). */
    public static Problem problem(int status, String title, String detail) {
        return new Problem(typeFor(status), title, status, detail, null, List.of(), CorrelationId.current());
    }

    static String typeFor(int status) {
        return "https://ketenzicht.nl/problems/" + status;
    }
}
