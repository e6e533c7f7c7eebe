package nl.ketenzicht.shared.problem;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the framework's own refusals (no route, wrong method, wrong media type, roles) into problems. */
@Provider
public class WebApplicationProblemMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    SecurityContext security;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof ForbiddenException) {
            return security == null || security.getUserPrincipal() == null
                    ? Problems.response(401, "Unauthorized", MessageCode.UNAUTHORIZED, "Log in first.")
                    : Problems.response(403, "Forbidden", MessageCode.FORBIDDEN_ROLE, "Your role does not allow this.");
        }
        if (e instanceof jakarta.ws.rs.NotAuthorizedException) {
            return Problems.response(401, "Unauthorized", MessageCode.UNAUTHORIZED, "Log in first.");
        }
        if (e instanceof NotFoundException) {
            return Problems.response(
                    404, "Not found", MessageCode.NO_SUCH_ADDRESS, "There is nothing at this address.");
        }
        if (e instanceof NotAllowedException) {
            Response r = Problems.response(
                    405,
                    "Method not allowed",
                    MessageCode.METHOD_NOT_ALLOWED,
                    "This address does not accept this method.");
            r.getHeaders()
                    .put(
                            "Allow",
                            new java.util.ArrayList<>(
                                    e.getResponse().getHeaders().getOrDefault("Allow", java.util.List.of())));
            return r;
        }
        if (e instanceof NotSupportedException) {
            return Problems.response(
                    415,
                    "Unsupported media type",
                    MessageCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body as application/json.");
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return new UnexpectedErrorMapper().toResponse(e);
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return Problems.response(new ProblemException(
                status, reason, MessageCode.HTTP_STATUS, java.util.Map.of("status", status), reason + "."));
    }
}
