package nl.ketenzicht.security;

import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where {@link LoginThrottle} keeps its counts of failed logins, by kind and subject. */
interface ThrottleCounts {

    enum Kind {
        ACCOUNT,
        ADDRESS
    }

    Optional<LoginThrottle.Window> get(Kind kind, String subject);

    /** Replaces the subject's count (null when it has none) by {@code change}'s answer, atomically. */
    void update(Kind kind, String subject, UnaryOperator<LoginThrottle.Window> change);

    void forget(Kind kind, String subject);

    /** Deletes every count whose last failure was before {@code before}. */
    void prune(Instant before);
}
