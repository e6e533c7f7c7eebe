package nl.ketenzicht.linkage.mse;

/**
 * @param observed    n_obs, the number of distinct cases on at least one list
 * @param mainEffects the independence (main-effects) model
 * @param stepwise    the model chosen by stepwise selection
 * @param bca         BCa bootstrap interval of the stepwise estimate; null when B = 0
 */
public record MseResult(long observed, ModelEstimate mainEffects, ModelEstimate stepwise, BcaEstimate bca) {
}
