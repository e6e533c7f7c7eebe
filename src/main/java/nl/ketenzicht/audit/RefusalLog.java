package nl.ketenzicht.audit;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.shared.DatabaseAvailability;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.UnexpectedErrorMapper;

/**
 * Logs the refusals no service logged: 401 to a known identity (a revoked token, a disabled user's
 * or ended session), 403 (role, CSRF, scope) and 404 on an address that names a record. A record named
 * in the address brings its case, victims and owner (see {@link AccessLog}), so the refusal reaches the
 * victim's access overview and the owner's auditor. A 401 without a known identity is not logged:
 * anyone can send those, and they touch no one.
 */
@Provider
public class RefusalLog implements ContainerResponseFilter {

    private static final Logger LOG = Logger.getLogger(RefusalLog.class.getName());

    @Inject
    AccessLog log;

    @Inject
    CurrentCaller caller;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 401 && status != 403 && status != 404) || caller.isRefusalLogged()) {
            return;
        }
        Optional<Caller> who = caller.get().or(caller::refusedIdentity);
        Target target = Target.of(request.getUriInfo().getPathSegments().stream()
                .map(s -> s.getPath())
                .toList());
        if (who.isEmpty() || (status == 404 && target.id() == null)) {
            return;
        }
        String code = response.getEntity() instanceof Problem p ? p.code() : null;
        AccessEvent event = new AccessEvent(
                action(request.getMethod()),
                target.type(),
                target.id() == null ? List.of() : List.of(target.id()),
                List.of(),
                status == 404 ? AccessEvent.Outcome.NOT_FOUND : AccessEvent.Outcome.DENIED,
                status + (code == null ? "" : " " + code) + " " + request.getMethod() + " " + target.path(),
                false);
        try {
            log.recordRefusal(event, who.get());
        } catch (RuntimeException e) {
            // The refusal stands and returns no data either way; the operator sees that its row is missing.
            if (UnexpectedErrorMapper.databaseUnavailable(e)) {
                DatabaseAvailability.current().ifPresent(d -> d.requestFailed(e)); // an outage is logged once, there
                return;
            }
            LOG.warning("A refusal (" + status + ") could not be written to the access log: "
                    + e.getClass().getName());
        }
    }

    private static AccessEvent.Action action(String method) {
        return switch (method) {
            case "POST" -> AccessEvent.Action.CREATE;
            case "PUT", "PATCH" -> AccessEvent.Action.UPDATE;
            case "DELETE" -> AccessEvent.Action.DELETE;
            default -> AccessEvent.Action.READ;
        };
    }

    /**
     * What the address names: the record before the first id (cases/12/chain → case 12), or else the
     * path itself with its ids left out. Only ids reach the log, never query text.
     */
    record Target(String type, Long id, String path) {

        static Target of(List<String> raw) {
            // Only the API's own words and ids: a segment a client made up is not copied into the log.
            List<String> segments = raw.stream()
                    .map(x -> x.matches("[a-z0-9][a-z0-9.-]{0,39}") ? x : "*")
                    .toList();
            String path = "/api/" + String.join("/", segments);
            path = path.length() > 200 ? path.substring(0, 200) : path;
            for (int i = 1; i < segments.size(); i++) {
                String kind = RecordRefs.KINDS.get(segments.get(i - 1));
                if (kind != null && segments.get(i).matches("\\d{1,18}")) {
                    return new Target(kind, Long.parseLong(segments.get(i)), path);
                }
            }
            String type = segments.stream()
                    .filter(x -> !x.matches("\\d+"))
                    .reduce((a, b) -> a + "/" + b)
                    .orElse("api");
            return new Target(type.length() > 40 ? type.substring(0, 40) : type, null, path);
        }
    }
}
