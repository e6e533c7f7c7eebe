package nl.ketenzicht.audit;

import java.util.List;
import java.util.Objects;

/**
 * What happened, as the caller's service knows it. Who, when and from where are added by
 * {@link AccessLog}. Object and subject ids are pseudonymous record ids, never names.
 */
public record AccessEvent(Action action, String objectType, List<Long> objectIds, List<Long> subjectIds,
                          Outcome outcome, String purpose, boolean breakGlass) {

    public AccessEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(objectType);
        objectIds = objectIds == null ? List.of() : List.copyOf(objectIds);
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
        Objects.requireNonNull(outcome);
    }

    public static AccessEvent of(Action action, String objectType, Long objectId, List<Long> subjectIds) {
        return new AccessEvent(action, objectType, objectId == null ? List.of() : List.of(objectId), subjectIds,
                Outcome.SUCCESS, null, false);
    }

    public AccessEvent withOutcome(Outcome o) {
        return new AccessEvent(action, objectType, objectIds, subjectIds, o, purpose, breakGlass);
    }

    public AccessEvent withBreakGlass(String reason) {
        return new AccessEvent(action, objectType, objectIds, subjectIds, outcome, reason, true);
    }

    public enum Action {
        CREATE('C'), READ('R'), UPDATE('U'), DELETE('D'), SEARCH('R'), EXPORT('E'), REPORT('R'),
        LOGIN('C'), LOGOUT('U'), LOGIN_FAILED('C'), ADMIN_CHANGE('U'), AUDIT_READ('R');

        private final char crud;

        Action(char crud) {
            this.crud = crud;
        }

        public char crud() {
            return crud;
        }
    }

    public enum Outcome { SUCCESS, DENIED, NOT_FOUND, FAILED }
}
