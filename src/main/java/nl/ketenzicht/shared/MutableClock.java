package nl.ketenzicht.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock plus an offset. The offset stays zero in production; container tests move it
 * (through an endpoint that exists only in test mode) to prove timeouts and windows.
 */
public final class MutableClock extends Clock {

    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public MutableClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("Ketenzicht runs in UTC");
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }
}
