package nl.ketenzicht.audit;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What happened, as the caller's service knows it. Who, when and from where are added by
 * {@link AccessLog}. Object and subject ids are pseudonymous record ids, never names. {@code caseIds}
 * names the cases whose records were touched: from them {@link AccessLog} adds the owning
 * organisations ({@code ownerIds}) and the break-glass flag, whatever the endpoint.
 */
public record AccessEvent(
        Action action,
        String objectType,
        List<Long> objectIds,
        List<Long> subjectIds,
        Outcome outcome,
        String purpose,
        boolean breakGlass,
        List<Long> caseIds,
        List<Long> ownerIds) {

    public AccessEvent {
        Objects.requireNonNull(action);
        Objects.requireNonNull(objectType);
        objectIds = objectIds == null ? List.of() : List.copyOf(objectIds);
        subjectIds = subjectIds == null ? List.of() : List.copyOf(subjectIds);
        Objects.requireNonNull(outcome);
        caseIds = caseIds == null ? List.of() : caseIds.stream().distinct().toList();
        ownerIds = ownerIds == null
                ? List.of()
                : ownerIds.stream().distinct().sorted().toList();
    }

    public AccessEvent(
            Action action,
            String objectType,
            List<Long> objectIds,
            List<Long> subjectIds,
            Outcome outcome,
            String purpose,
            boolean breakGlass) {
        this(action, objectType, objectIds, subjectIds, outcome, purpose, breakGlass, List.of(), List.of());
    }

    public static AccessEvent of(Action action, String objectType, Long objectId, List<Long> subjectIds) {
        return new AccessEvent(
                action,
                objectType,
                objectId == null ? List.of() : List.of(objectId),
                subjectIds,
                Outcome.SUCCESS,
                null,
                false);
    }

    public AccessEvent withOutcome(Outcome o) {
        return new AccessEvent(action, objectType, objectIds, subjectIds, o, purpose, breakGlass, caseIds, ownerIds);
    }

    public AccessEvent withBreakGlass(String reason) {
        return new AccessEvent(action, objectType, objectIds, subjectIds, outcome, reason, true, caseIds, ownerIds);
    }

    /** The cases whose records this access touched. */
    public AccessEvent inCases(Collection<Long> cases) {
        return new AccessEvent(
                action, objectType, objectIds, subjectIds, outcome, purpose, breakGlass, List.copyOf(cases), ownerIds);
    }

    public AccessEvent inCase(long caseId) {
        return inCases(List.of(caseId));
    }

    AccessEvent withSubjects(List<Long> subjects) {
        return new AccessEvent(
                action, objectType, objectIds, subjects, outcome, purpose, breakGlass, caseIds, ownerIds);
    }

    AccessEvent withOwners(List<Long> owners) {
        return new AccessEvent(
                action, objectType, objectIds, subjectIds, outcome, purpose, breakGlass, caseIds, owners);
    }

    public enum Action {
        CREATE('C'),
        READ('R'),
        UPDATE('U'),
        DELETE('D'),
        SEARCH('R'),
        EXPORT('E'),
        REPORT('R'),
        LOGIN('C'),
        LOGOUT('U'),
        LOGIN_FAILED('C'),
        ADMIN_CHANGE('U'),
        AUDIT_READ('R');

        private final char crud;

        Action(char crud) {
            this.crud = crud;
        }

        public char crud() {
            return crud;
        }
    }

    public enum Outcome {
        SUCCESS,
        DENIED,
        NOT_FOUND,
        FAILED
    }
}
