package nl.ketenzicht.reports.attack;

/**
 * What an attacker may infer about a true count t from one published figure: the only place that
 * knows how counts are published, so the lead can switch it when the publication rule changes.
 *
 * <ul>
 *   <li>LEGACY (small-cell suppression): a shown value is exact; a withheld one ("&lt;5", value null)
 *       is read as [0, +inf), because secondary suppression marks cells "&lt;5" that may be larger.</li>
 *   <li>PERTURBED (cell-key perturbation, public rule): t = 0 gives p = 0; 1 ≤ t ≤ 4 gives p ∈ {0, 5};
 *       t ≥ 5 gives p = max(5, t + n), n ∈ {−6..6}. So p = 0 → [0, 4]; p = 5 → [1, 11]; p ≥ 6 → [max(5, p − 6), p + 6].
 *       The attacker knows the rule, not the keys: which small cells round up, and the noise, are secret.</li>
 * </ul>
 * PERTURBED is how Ketenzicht publishes; LEGACY (chosen with the system property
 * {@code attack.reading=legacy}) reads the former suppression, to show the test failing on it.
 */
public enum CellReading {
    LEGACY,
    PERTURBED;

    /** Stands for +infinity in ranges (large enough, far from overflow). */
    public static final long INF = Long.MAX_VALUE / 8;
    /** The largest noise of a count of 5 or more (README, "Disclosure control"). */
    private static final long NOISE = 6;

    public static CellReading choose() {
        String forced = System.getProperty("attack.reading");
        return forced == null || forced.isBlank()
                ? PERTURBED
                : valueOf(forced.trim().toUpperCase());
    }

    /** The range [lo, hi] of the true count behind a published value (null when withheld). */
    public long[] range(Long published) {
        if (published == null) {
            if (this == PERTURBED) {
                throw new IllegalStateException(
                        "a withheld count under perturbation: the publication rule changed, update CellReading");
            }
            return new long[] {0, INF};
        }
        long p = published;
        if (this == LEGACY) {
            return new long[] {p, p};
        }
        if (p == 0) {
            return new long[] {0, 4};
        }
        if (p == 5) {
            return new long[] {1, 5 + NOISE};
        }
        if (p < 5) {
            throw new IllegalStateException("a perturbed count of " + p + " breaks the public rule");
        }
        return new long[] {Math.max(5, p - NOISE), p + NOISE};
    }

    /** A figure as text (JSON display, CSV, XLSX, print view): a number, or a withheld mark ("&lt;5", "&lt;10", "x", "–"). */
    public long[] range(String text) {
        String t = text == null ? "" : text.trim();
        return range(t.matches("-?\\d+") ? Long.valueOf(t) : null);
    }

    /**
     * A cell of the dark-number overlap table: withheld PRIMARY cells are, by the page's own legend,
     * 1..k−1; any other withheld cell (secondary, "x") is read as [0, +inf).
     */
    public long[] overlapRange(Long count, String suppressed, int k) {
        if (count == null && "PRIMARY".equals(suppressed)) {
            return new long[] {1, k - 1};
        }
        return range(count);
    }
}
