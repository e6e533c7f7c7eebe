package nl.ketenzicht.linkage.mse;

/**
 * @param threshold p-value threshold of the stepwise selection (SparseMSE default 0.02)
 * @param bootstrap number of bootstrap resamples B for the BCa interval; 0 skips the bootstrap
 * @param seed      seed of the resampling generator, for reproducible intervals
 */
public record Options(double threshold, int bootstrap, long seed) {

    public Options {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1, got " + threshold);
        }
        if (bootstrap < 0) {
            throw new IllegalArgumentException("bootstrap must be 0 or more, got " + bootstrap);
        }
    }

    public static Options defaults() {
        return new Options(0.02, 1000, 1);
    }
}
