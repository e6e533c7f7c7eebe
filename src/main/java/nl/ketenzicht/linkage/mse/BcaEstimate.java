package nl.ketenzicht.linkage.mse;

/**
 * BCa bootstrap interval of the stepwise estimate, which includes model-selection uncertainty.
 *
 * @param ci               95% BCa interval for N (undefined when all resamples fell on one side)
 * @param shareInvisibleCi the same interval mapped to dark / N
 * @param resamples        B requested
 * @param skipped          resamples whose estimate did not exist or whose fit diverged
 * @param acceleration     jackknife acceleration â
 * @param biasCorrection   z0
 * @param jackknifeSkipped leave-one-out tables without an estimate, left out of â
 */
public record BcaEstimate(
        Interval ci,
        Interval shareInvisibleCi,
        int resamples,
        int skipped,
        double acceleration,
        double biasCorrection,
        int jackknifeSkipped) {}
