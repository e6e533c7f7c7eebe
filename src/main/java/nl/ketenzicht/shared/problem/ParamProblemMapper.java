package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.glassfish.jersey.server.ParamException;

/**
 * A parameter value that cannot be read as its declared type. JAX-RS answers 404 for a bad query
 * value; a client needs to know which parameter is wrong, so it gets a 400 naming it, with the code
 * of {@link QueryValues}. A bad path segment ({@code /cases/abc}) stays a 404: no such address.
 */
@Provider
public class ParamProblemMapper implements ExceptionMapper<ParamException> {

    @Override
    public Response toResponse(ParamException e) {
        if (e instanceof ParamException.PathParamException) {
            return Problems.response(
                    404, "Not found", MessageCode.NO_SUCH_ADDRESS, "There is nothing at this address.");
        }
        String name = e.getParameterName();
        Throwable cause = UnexpectedErrorMapper.find(e, QueryValues.Malformed.class);
        Problem.FieldError error = cause instanceof QueryValues.Malformed malformed
                ? malformed.errorOf(name)
                : new Problem.FieldError(name, MessageCode.INVALID_VALUE, "is not valid");
        return Problems.response(ProblemException.invalid(List.of(error)));
    }
}
