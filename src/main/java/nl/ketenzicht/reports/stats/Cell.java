package nl.ketenzicht.reports.stats;

/**
 * One published position in a report table: either a count, or a suppressed marker that carries no
 * value at all, so that nothing downstream can compute a rate or a sum from a withheld count.
 */
public sealed interface Cell permits Cell.Count, Cell.Suppressed {

    boolean isSuppressed();

    record Count(long value) implements Cell {
        public Count {
            if (value < 0) {
                throw new IllegalArgumentException("count must be >= 0: " + value);
            }
        }

        @Override
        public boolean isSuppressed() {
            return false;
        }
    }

    record Suppressed(SuppressionReason reason) implements Cell {
        @Override
        public boolean isSuppressed() {
            return true;
        }
    }
}
