package nl.ketenzicht.linkage.mse;

import java.util.List;

/**
 * Multiple systems estimation as in SparseMSE 2.0.1: main-effects and stepwise Poisson log-linear
 * models, model-conditional intervals and the BCa bootstrap interval.
 *
 * <p>Thread-safe; an instance caches existence checks, so reuse it for tables over the same lists.
 */
public final class MseEstimator {

    private final ModelFitter fitter = new ModelFitter();

    /**
     * @throws EstimateDoesNotExistException when the main-effects model has no finite, identifiable
     *                                       estimate (then no model gives a number)
     */
    public MseResult estimate(CaptureTable table, Options options) {
        ModelFit main = fitter.fit(table, List.of(), true);
        ModelFit stepwise = Stepwise.select(fitter, table, options.threshold());
        BcaEstimate bca = null;
        if (options.bootstrap() > 0) {
            bca = new Bootstrap(t -> stepwiseSize(t, options.threshold()), options)
                    .run(table, stepwise.populationSize());
        }
        return new MseResult(table.observed(), ModelEstimate.of("main-effects", main, table.lists()),
                ModelEstimate.of("stepwise", stepwise, table.lists()), bca);
    }

    /** Main-effects estimate alone (no stepwise selection, no bootstrap). */
    public ModelEstimate mainEffects(CaptureTable table) {
        return ModelEstimate.of("main-effects", fitter.fit(table, List.of(), true), table.lists());
    }

    /** Stepwise estimate with its model-conditional interval, without the bootstrap. */
    public ModelEstimate stepwise(CaptureTable table, double threshold) {
        return ModelEstimate.of("stepwise", Stepwise.select(fitter, table, threshold), table.lists());
    }

    double stepwiseSize(CaptureTable table, double threshold) {
        return Stepwise.select(fitter, table, threshold).populationSize();
    }
}
