package nl.ketenzicht.linkage.mse;

/**
 * @param observed    n_obs, the number of distinct cases on at least one list
 * @param mainEffects the independence (main-effects) model; null only beside a fixed model that exists
 *                    while main effects do not
 * @param stepwise    the chosen model: by stepwise selection, or ("fixed") the model asked for
 * @param bca         BCa bootstrap interval of the stepwise estimate; null when B = 0
 */
public record MseResult(long observed, ModelEstimate mainEffects, ModelEstimate stepwise, BcaEstimate bca) {}
