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
        return new MseResult(
                table.observed(),
                ModelEstimate.of("main-effects", main, table.lists()),
                ModelEstimate.of("stepwise", stepwise, table.lists()),
                bca);
    }

    /**
     * A model chosen in advance instead of by stepwise selection, e.g. to reproduce a published fit.
     * Its BCa bootstrap refits the same model on every resample. The main-effects slot is null when
     * that model has no estimate while the chosen one has.
     *
     * @param terms two-list terms named as "A:B" with the table's list names
     * @throws EstimateDoesNotExistException when the chosen model has no finite, identifiable estimate
     * @throws IllegalArgumentException      when a term names an unknown list or repeats
     */
    public MseResult estimate(CaptureTable table, List<String> terms, Options options) {
        List<Term> model = Term.parse(terms, table.lists());
        ModelFit chosen = fitter.fit(table, model, true);
        BcaEstimate bca = null;
        if (options.bootstrap() > 0) {
            bca = new Bootstrap(t -> fitter.fit(t, model, true).populationSize(), options)
                    .run(table, chosen.populationSize());
        }
        ModelEstimate main;
        try {
            main = mainEffects(table);
        } catch (EstimateDoesNotExistException e) {
            main = null;
        }
        return new MseResult(table.observed(), main, ModelEstimate.of("fixed", chosen, table.lists()), bca);
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
