package nl.ketenzicht.shared;

import jakarta.ws.rs.core.EntityTag;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/** Optimistic concurrency over HTTP: the version travels as a strong ETag and comes back in If-Match. */
public final class Versions {

    private Versions() {}

    public static EntityTag etag(long version) {
        return new EntityTag(String.valueOf(version));
    }

    /** Parses If-Match; absent → 428, not a version of ours → 412. */
    public static long fromIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(
                    428,
                    "Precondition required",
                    MessageCode.VERSION_REQUIRED,
                    "Send the record's ETag in If-Match, so that nobody's change is overwritten unseen.");
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        v = v.replace("\"", "");
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw stale();
        }
    }

    public static void check(long current, long expected) {
        if (current != expected) {
            throw stale();
        }
    }

    public static ProblemException stale() {
        return new ProblemException(
                412,
                "Precondition failed",
                MessageCode.VERSION_STALE,
                "Someone else changed this record since you loaded it. Reload it and apply your change again.");
    }
}
