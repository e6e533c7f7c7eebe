package nl.ketenzicht.security;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The access-log side of administration: every change with the state before and after (as the
 * entry's purpose, a small JSON object of codes, ids and flags; no usernames, which are names), and
 * refused attempts at administering oneself, also as an alert line in the server log that an
 * operator can match on: {@code SECURITY ALERT self-administration}.
 */
@ApplicationScoped
public class AdminAudit {

    static final String ALERT = "SECURITY ALERT self-administration";
    private static final Logger ALERTS = Logger.getLogger("nl.ketenzicht.security.alert");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PURPOSE_MAX = 500;

    @Inject
    AccessLog log;

    /** In the change's transaction; {@code before} is null for a creation, {@code after} for nothing. */
    void changed(String type, Long id, Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("before", before);
        change.put("after", after);
        log.record(new AccessEvent(
                AccessEvent.Action.ADMIN_CHANGE,
                type,
                List.of(id),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                json(change),
                false));
    }

    /** Logs the refusal apart (the request rolls back), raises the alert and returns the 403 to throw. */
    ProblemException refuseSelf(Caller admin, String type, long id, String attempt) {
        ALERTS.warning(ALERT + ": " + admin.actor() + " of organisation " + admin.organisationId() + " tried to "
                + attempt + " (" + type + " " + id + "); refused");
        log.recordApart(new AccessEvent(
                AccessEvent.Action.ADMIN_CHANGE,
                type,
                List.of(id),
                List.of(),
                AccessEvent.Outcome.DENIED,
                "self-administration refused: " + attempt,
                false));
        return ProblemException.forbidden(
                MessageCode.FORBIDDEN_SELF_ADMINISTRATION,
                "Another administrator must make this change: nobody administers their own account, organisation or token.");
    }

    static Map<String, Object> of(UserAccount u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("role", u.role());
        m.put("organisationId", u.organisation().id());
        m.put("policeUnit", u.policeUnit());
        m.put("enabled", u.enabledItself());
        m.put("secondFactor", u.totpConfirmed());
        return m;
    }

    static Map<String, Object> of(Organisation o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", o.code());
        m.put("name", o.name().length() > 60 ? o.name().substring(0, 60) + "…" : o.name());
        m.put("type", o.type());
        m.put("policeUnit", o.policeUnit());
        m.put("enabled", o.enabled());
        return m;
    }

    static Map<String, Object> of(ApiToken t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("organisationId", t.organisationId());
        m.put("requestedBy", t.createdBy());
        m.put("approvedBy", t.approvedBy());
        m.put("status", t.status());
        return m;
    }

    private static String json(Object value) {
        try {
            String s = JSON.writeValueAsString(value);
            return s.length() <= PURPOSE_MAX ? s : s.substring(0, PURPOSE_MAX - 1) + "…";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
