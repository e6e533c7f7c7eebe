package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Response response = Problems.response(e);
        // Only a dependency that comes back (ServiceUnavailable) is worth a retry; a 503 for missing
        // configuration stays a 503 however often it is asked.
        if (e instanceof ServiceUnavailable) {
            response.getHeaders().putSingle("Retry-After", ServiceUnavailable.RETRY_AFTER_SECONDS);
        }
        return response;
    }
}
