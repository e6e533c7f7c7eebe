package nl.ketenzicht.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a closed case is kept: {@code ketenzicht.retention.closed-case-years} full years after
 * the day it was closed (default 5, see README). Open cases are never purged; reopening a case
 * takes it out of the count.
 */
@ApplicationScoped
public class RetentionPolicy {

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.retention.closed-case-years", defaultValue = "5")
    int closedCaseYears;

    /** A case closed before this day has expired. */
    public LocalDate closedBefore() {
        if (closedCaseYears < 1) {
            throw new IllegalStateException("ketenzicht.retention.closed-case-years must be at least 1");
        }
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusYears(closedCaseYears);
    }
}
