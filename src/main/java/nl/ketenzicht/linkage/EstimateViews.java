package nl.ketenzicht.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.linkage.mse.BcaEstimate;
import nl.ketenzicht.linkage.mse.Interval;
import nl.ketenzicht.linkage.mse.ModelEstimate;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.reports.stats.Cell;
import nl.ketenzicht.reports.stats.SmallCellSuppression;
import nl.ketenzicht.reports.stats.SuppressedOneWayTable;

/**
 * The estimate as a coordinator sees it: the suppressed overlap table and the model figures. Counts
 * that are suppressed carry no value at all; undefined intervals are null.
 */
public final class EstimateViews {

    private EstimateViews() {}

    /** @param period null for an uploaded table; region "NATIONAL" or a police-unit code */
    public record Selection(LocalDate from, LocalDate to, String region, List<ListView> lists) {}

    public record ListView(String code, String label) {}

    /** One published count: {@code count} null when withheld, then {@code suppressed} says why and {@code display} shows "&lt;k". */
    public record CellView(List<String> lists, Long count, String suppressed, String display) {

        static CellView of(List<String> lists, Cell cell, int k) {
            if (cell instanceof Cell.Count c) {
                return new CellView(lists, c.value(), null, Long.toString(c.value()));
            }
            Cell.Suppressed s = (Cell.Suppressed) cell;
            return new CellView(
                    lists, null, s.reason().name(), s.reason().name().equals("PRIMARY") ? "<" + k : "x");
        }
    }

    /** Every observable capture history (zeros included) and the number of persons observed. */
    public record OverlapView(int k, List<CellView> cells, CellView observed) {

        static OverlapView of(long[] byHistory, List<String> codes, int k) {
            SuppressedOneWayTable table =
                    SmallCellSuppression.oneWay(java.util.Arrays.copyOfRange(byHistory, 1, byHistory.length), k);
            List<CellView> cells = new ArrayList<>();
            for (int h = 1; h < byHistory.length; h++) {
                cells.add(CellView.of(OverlapRepository.listsOf(h, codes), table.cell(h - 1), k));
            }
            return new OverlapView(k, cells, CellView.of(List.of(), table.total(), k));
        }
    }

    /** How registrations were linked: per match quality (NEW or the linking variant), suppressed like any count. */
    public record LinkageView(List<CellView> registrationsByMatch) {

        static LinkageView of(Map<String, Long> byQuality, int k) {
            List<String> names = new ArrayList<>(List.of(Registration.NEW_PERSON));
            for (KeyVariant v : KeyVariant.values()) {
                names.add(v.name());
            }
            long[] counts =
                    names.stream().mapToLong(n -> byQuality.getOrDefault(n, 0L)).toArray();
            SuppressedOneWayTable table = SmallCellSuppression.oneWay(counts, k);
            List<CellView> cells = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                cells.add(CellView.of(List.of(names.get(i)), table.cell(i), k));
            }
            return new LinkageView(cells);
        }
    }

    public record IntervalView(double lower, double upper) {

        static IntervalView of(Interval i) {
            return i != null && i.isDefined() ? new IntervalView(i.lower(), i.upper()) : null;
        }
    }

    /** One fitted model: the populations size N, the dark figure and the model-conditional 95% interval. */
    public record ModelView(String model, List<String> terms, double populationSize, double dark, IntervalView ci) {

        static ModelView of(ModelEstimate m) {
            return new ModelView(m.model(), m.terms(), m.populationSize(), m.dark(), IntervalView.of(m.ci()));
        }
    }

    /**
     * The chosen model's estimate with both intervals: model-conditional, and BCa bootstrap (which
     * includes model-selection uncertainty; null when B = 0 or all resamples fell on one side).
     */
    public record Estimate(
            String model,
            List<String> terms,
            long observed,
            double populationSize,
            double dark,
            IntervalView ci,
            IntervalView ciBca,
            double shareInvisible,
            IntervalView shareInvisibleCi,
            IntervalView shareInvisibleCiBca) {}

    public record BootstrapView(int resamples, int skipped, long seed, double acceleration, double biasCorrection) {}

    public record EstimateView(
            Selection selection,
            OverlapView overlap,
            LinkageView linkage,
            List<ModelView> models,
            String chosenModel,
            Estimate estimate,
            BootstrapView bootstrap,
            double threshold) {}

    static EstimateView of(
            Selection selection, OverlapView overlap, LinkageView linkage, MseResult r, long seed, double threshold) {
        List<ModelView> models = new ArrayList<>();
        if (r.mainEffects() != null) {
            models.add(ModelView.of(r.mainEffects()));
        }
        ModelEstimate chosen = r.stepwise();
        models.add(ModelView.of(chosen));
        BcaEstimate bca = r.bca();
        Estimate estimate = new Estimate(
                chosen.model(),
                chosen.terms(),
                r.observed(),
                chosen.populationSize(),
                chosen.dark(),
                IntervalView.of(chosen.ci()),
                bca == null ? null : IntervalView.of(bca.ci()),
                chosen.shareInvisible(),
                IntervalView.of(chosen.shareInvisibleCi()),
                bca == null ? null : IntervalView.of(bca.shareInvisibleCi()));
        BootstrapView boot = bca == null
                ? null
                : new BootstrapView(bca.resamples(), bca.skipped(), seed, bca.acceleration(), bca.biasCorrection());
        return new EstimateView(selection, overlap, linkage, models, chosen.model(), estimate, boot, threshold);
    }

    /** One year of the series: the estimate, or why there is none. */
    public record SeriesPoint(
            int year,
            Long observed,
            Double populationSize,
            Double dark,
            IntervalView ci,
            IntervalView ciBca,
            String model,
            String refused) {}
}
