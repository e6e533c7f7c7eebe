package nl.ketenzicht.linkage.mse;

import java.util.List;

/**
 * Estimate of one model.
 *
 * @param model           "main-effects" or "stepwise"
 * @param terms           two-list terms such as "A:B", in the order they were added
 * @param populationSize  N̂ = n_obs + dark
 * @param dark            estimated number of unobserved cases, exp(β0̂)
 * @param ci              model-conditional 95% interval for N
 * @param shareInvisible  dark / N̂
 * @param shareInvisibleCi the interval for N mapped to dark / N
 */
public record ModelEstimate(
        String model,
        List<String> terms,
        double populationSize,
        double dark,
        Interval ci,
        double shareInvisible,
        Interval shareInvisibleCi) {

    static ModelEstimate of(String model, ModelFit fit, List<String> lists) {
        Interval ci = fit.populationInterval();
        double n = fit.populationSize();
        return new ModelEstimate(
                model,
                fit.terms().stream().map(t -> t.label(lists)).toList(),
                n,
                fit.dark(),
                ci,
                fit.dark() / n,
                ci.toShareInvisible(fit.observed()));
    }
}
