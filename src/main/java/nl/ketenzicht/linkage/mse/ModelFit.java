package nl.ketenzicht.linkage.mse;

import java.util.List;

/**
 * A fitted log-linear model: the dark figure is exp(β0), the fitted mean of the unobservable
 * all-zero history.
 *
 * @param terms    two-list terms in the order they were added, including empty-overlap ones
 * @param observed number of observed cases n_obs
 */
record ModelFit(List<Term> terms, Design design, PoissonGlm.Fit glm, long observed) {

    /** z_{0.975}, the normal quantile of the two-sided 95% interval. */
    static final double Z975 = 1.959963984540054;

    double dark() {
        return Math.exp(glm.beta()[0]);
    }

    double populationSize() {
        return observed + dark();
    }

    /** Model-conditional 95% interval: n_obs + exp(β0 ± z·se0), se0 from (XᵀWX)⁻¹ without dispersion. */
    Interval populationInterval() {
        double se0 = Math.sqrt(glm.covariance()[0][0]);
        double b0 = glm.beta()[0];
        return new Interval(observed + Math.exp(b0 - Z975 * se0), observed + Math.exp(b0 + Z975 * se0));
    }

    /** Expected overlap of a pair under this fit: the sum of fitted means of the cells it covers. */
    double expectedOverlap(Term pair) {
        double sum = 0;
        int[] cells = design.cells();
        for (int r = 0; r < cells.length; r++) {
            if (pair.coveredBy(cells[r])) {
                sum += glm.mu()[r];
            }
        }
        return sum;
    }
}
