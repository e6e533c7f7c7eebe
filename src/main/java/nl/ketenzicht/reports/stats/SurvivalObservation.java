package nl.ketenzicht.reports.stats;

/**
 * One subject's follow-up: the time until the event (e.g. days from referral to start of care), or
 * until the subject was last seen without the event ({@code event = false}, right-censored: the
 * case is still open or the child is still waiting).
 */
public record SurvivalObservation(double time, boolean event) {

    public SurvivalObservation {
        if (!(time >= 0.0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("time must be finite and >= 0: " + time);
        }
    }

    public static SurvivalObservation event(double time) {
        return new SurvivalObservation(time, true);
    }

    public static SurvivalObservation censored(double time) {
        return new SurvivalObservation(time, false);
    }
}
