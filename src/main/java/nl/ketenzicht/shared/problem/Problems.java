package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.CorrelationId;

/** Builds problem responses; the only place that knows the media type and the type URIs. */
public final class Problems {

    private static final MediaType PROBLEM = MediaType.valueOf(Problem.MEDIA_TYPE);

    private Problems() {}

    public static Response response(int status, String title, MessageCode code, String detail) {
        return response(new ProblemException(status, title, code, detail));
    }

    public static Response response(ProblemException e) {
        return Response.status(e.status()).type(PROBLEM).entity(problem(e)).build();
    }

    public static Problem problem(ProblemException e) {
        return new Problem(
                typeFor(e.status()),
                e.title(),
                e.status(),
                e.code().code(),
                e.params(),
                e.getMessage(),
                e.rule(),
                e.errors(),
                CorrelationId.current());
    }

    /** The document alone, for the few answers given outside JAX-RS (a servlet filter). */
    public static Problem problem(int status, String title, MessageCode code, String detail) {
        return new Problem(
                typeFor(status),
                title,
                status,
                code.code(),
                Map.of(),
                detail,
                null,
                List.of(),
                CorrelationId.current());
    }

    static String typeFor(int status) {
        return "https://ketenzicht.nl/problems/" + status;
    }
}
