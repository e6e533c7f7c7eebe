package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

    @Override
    public Response toResponse(ProblemException e) {
        Response response = Problems.response(e);
        if (e.status() == 503) {
            response.getHeaders().putSingle("Retry-After", "5");
        }
        return response;
    }
}
