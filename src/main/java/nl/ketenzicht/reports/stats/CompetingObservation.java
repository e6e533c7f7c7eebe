package nl.ketenzicht.reports.stats;

/**
 * One subject's follow-up with competing risks: the time until it reached the event of interest
 * ({@link Outcome#EVENT}), until something else ended its chain so that it can no longer reach it
 * ({@link Outcome#COMPETING}), or until it was last seen still on its way ({@link Outcome#CENSORED}).
 */
public record CompetingObservation(double time, Outcome outcome) {

    public enum Outcome {
        EVENT,
        COMPETING,
        CENSORED
    }

    public CompetingObservation {
        if (!(time >= 0.0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + time);
        }
        java.util.Objects.requireNonNull(outcome, "outcome");
    }

    public static CompetingObservation event(double time) {
        return new CompetingObservation(time, Outcome.EVENT);
    }

    public static CompetingObservation competing(double time) {
        return new CompetingObservation(time, Outcome.COMPETING);
    }

    public static CompetingObservation censored(double time) {
        return new CompetingObservation(time, Outcome.CENSORED);
    }

    public boolean isEvent() {
        return outcome == Outcome.EVENT;
    }
}
