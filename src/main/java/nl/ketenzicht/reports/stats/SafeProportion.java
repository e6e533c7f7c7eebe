package nl.ketenzicht.reports.stats;

/**
 * A proportion that is either shown with its Wilson interval or withheld for disclosure control.
 */
public sealed interface SafeProportion permits SafeProportion.Shown, SafeProportion.Withheld {

    record Shown(Proportion proportion) implements SafeProportion {
    }

    record Withheld() implements SafeProportion {
    }

    /**
     * Withholds when the numerator, the denominator or their difference is in 1..k-1: publishing x
     * and n also publishes n - x (e.g. "48 of 50 made a report" names the 2 who did not). Otherwise
     * the rate is computed; a withheld rate is never computed at all.
     */
    public static SafeProportion of(long numerator, long denominator, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("threshold k must be at least 2: " + k);
        }
        if (numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("need 0 <= numerator <= denominator");
        }
        if (SmallCellSuppression.isSmall(numerator, k) || SmallCellSuppression.isSmall(denominator, k)
                || SmallCellSuppression.isSmall(denominator - numerator, k)) {
            return new Withheld();
        }
        return new Shown(Proportion.wilson(numerator, denominator));
    }
}
