package nl.ketenzicht.audit;

import java.time.Instant;

/** Views of the access log for auditors. */
public final class AuditViews {

    private AuditViews() {}

    public record EntryView(
            long id,
            Instant occurredAt,
            String actor,
            String username,
            String role,
            Long organisationId,
            String action,
            String crud,
            String objectType,
            String objectIds,
            String subjectIds,
            String outcome,
            String accessPoint,
            String purpose,
            boolean breakGlass,
            String ownerIds) {
        static EntryView of(LogEntry e) {
            return new EntryView(
                    e.id(),
                    e.occurredAt(),
                    e.actor(),
                    e.username(),
                    e.role(),
                    e.organisationId(),
                    e.action(),
                    e.crud(),
                    e.objectType(),
                    e.objectIds(),
                    e.subjectIds(),
                    e.outcome(),
                    e.accessPoint(),
                    e.purpose(),
                    e.breakGlass(),
                    e.ownerIds());
        }
    }

    public record BreakGlassView(
            long id, long userId, String username, long caseId, String reason, Instant grantedAt, Instant expiresAt) {}
}
