package nl.ketenzicht.shared;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import nl.ketenzicht.shared.problem.Problems;

/**
 * The web application's error page (web.xml): whatever the servlet container refuses itself — an
 * unknown page, {@code /WEB-INF/...}, an encoded path that leaves {@code /api} — is answered with
 * a problem document and the security headers instead of the server's HTML page, which names it.
 */
@WebServlet(urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    static final String PATH = "/problem";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer s && s >= 400 ? s : 404; // asked for directly: there is no such page
        String id = CorrelationId.begin(
                response.getHeader("X-Correlation-Id")); // the request's own, when the filter saw it
        try {
            response.resetBuffer();
            response.setStatus(status);
            response.setHeader("X-Correlation-Id", id);
            RequestFilter.securityHeaders(response);
            response.setHeader("Cache-Control", "no-store");
            response.setContentType(Problem.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            JsonConfig.MAPPER.writeValue(response.getOutputStream(), Problems.problem(problemOf(status)));
        } finally {
            CorrelationId.end();
        }
    }

    static ProblemException problemOf(int status) {
        return switch (status) {
            case 404 ->
                new ProblemException(
                        404, "Not found", MessageCode.NO_SUCH_ADDRESS, "There is nothing at this address.");
            case 405 ->
                new ProblemException(
                        405,
                        "Method not allowed",
                        MessageCode.METHOD_NOT_ALLOWED,
                        "This address does not accept this method.");
            case 401 -> new ProblemException(401, "Unauthorized", MessageCode.UNAUTHORIZED, "Log in first.");
            default ->
                status >= 500
                        ? new ProblemException(
                                status,
                                "Internal error",
                                MessageCode.INTERNAL_ERROR,
                                "Something went wrong on our side. Quote the correlation id when you report it.")
                        : new ProblemException(
                                status,
                                "Refused",
                                MessageCode.HTTP_STATUS,
                                Map.of("status", status),
                                "The request was refused (status " + status + ").");
        };
    }
}
