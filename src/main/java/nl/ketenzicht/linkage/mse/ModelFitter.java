package nl.ketenzicht.linkage.mse;

import java.util.List;
import java.util.stream.Collectors;

/** Fits a model after (optionally) checking that its estimate exists and is identifiable. */
final class ModelFitter {

    private final Existence existence = new Existence();

    Existence.Verdict check(CaptureTable table, List<Term> terms) {
        return existence.check(table, terms);
    }

    ModelFit fit(CaptureTable table, List<Term> terms, boolean check) {
        if (check) {
            requireEstimable(table, terms);
        }
        Design design = Design.build(table, terms);
        return new ModelFit(List.copyOf(terms), design, PoissonGlm.fit(design.x(), design.y()), table.observed());
    }

    private void requireEstimable(CaptureTable table, List<Term> terms) {
        Existence.Verdict verdict = existence.check(table, terms);
        if (verdict == Existence.Verdict.OK) {
            return;
        }
        String model = describe(table, terms);
        throw switch (verdict) {
            case NOT_FINITE ->
                new EstimateDoesNotExistException(
                        EstimateDoesNotExistException.Reason.NOT_FINITE,
                        "the maximum-likelihood estimate of the " + model + " does not exist for these data"
                                + " (linear-programme check): the dark figure would be infinite or zero");
            case NOT_IDENTIFIABLE ->
                new EstimateDoesNotExistException(
                        EstimateDoesNotExistException.Reason.NOT_IDENTIFIABLE,
                        "the " + model + " is not identifiable for these data (rank-deficient design)");
            default ->
                new EstimateDoesNotExistException(
                        EstimateDoesNotExistException.Reason.NOT_FINITE_NOR_IDENTIFIABLE,
                        "the maximum-likelihood estimate of the " + model + " does not exist and is not identifiable"
                                + " for these data");
        };
    }

    static String describe(CaptureTable table, List<Term> terms) {
        if (terms.isEmpty()) {
            return "main-effects model";
        }
        return "model with " + terms.stream().map(t -> t.label(table.lists())).collect(Collectors.joining(", "));
    }
}
