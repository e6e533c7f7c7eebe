package nl.ketenzicht.linkage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.linkage.EstimateRequests.DateRange;
import nl.ketenzicht.linkage.EstimateRequests.EstimateRequest;
import nl.ketenzicht.linkage.EstimateViews.EstimateView;
import nl.ketenzicht.linkage.EstimateViews.SeriesPoint;
import nl.ketenzicht.linkage.mse.CaptureTable;
import nl.ketenzicht.linkage.mse.EstimateDoesNotExistException;
import nl.ketenzicht.linkage.mse.MalformedCaptureTableException;
import nl.ketenzicht.linkage.mse.MseEstimator;
import nl.ketenzicht.linkage.mse.MseResult;
import nl.ketenzicht.linkage.mse.Options;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reports.RegionalScope;
import nl.ketenzicht.reports.aggregates.CellKeys;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.security.Organisation;
import nl.ketenzicht.security.Users;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.Problem;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Dark-number estimates for coordinators: the overlap table of linked registrations is counted in
 * the database, every cell is perturbed by its cell key (reports/stats/CellKeyPerturbation), and the
 * model runs on the published cells only, so the estimate adds nothing to what the table shows (an
 * estimate from the true cells would let a reader find hidden cells by trying fillings until N
 * matches). A regional coordinator has the reports' scope ({@link RegionalScope}). Every estimate and
 * export is access-logged.
 */
@RequestScoped
@Transactional
public class MseService {

    /** One estimator for the application: it caches existence checks across requests. */
    private static final MseEstimator ESTIMATOR = new MseEstimator();

    static final String NATIONAL = "NATIONAL";

    @Inject
    OverlapRepository overlap;

    @Inject
    AccessLog log;

    @Inject
    Users users;

    @Inject
    RegionalScope scope;

    @Inject
    ReferenceData reference;

    @Inject
    Jdbc jdbc;
    /** One threshold for screen and export: perturbation gives both the same figures. */
    @Inject
    nl.ketenzicht.reports.DisclosureThresholds thresholds;

    @Inject
    @ConfigProperty(name = "ketenzicht.mse.bootstrap", defaultValue = "1000")
    int bootstrap;

    @Inject
    @ConfigProperty(name = "ketenzicht.mse.seed", defaultValue = "1")
    long seed;

    @Inject
    @ConfigProperty(name = "ketenzicht.mse.threshold", defaultValue = "0.02")
    double threshold;

    public EstimateView estimate(EstimateRequest request) {
        AccessEvent event = event(AccessEvent.Action.REPORT, "mse-estimate");
        EstimateView view = logRefusal(event, () -> fromRegistrations(request, thresholds.k(), bootstrap));
        log.record(event);
        return view;
    }

    /** The same estimate for a file meant for publication: the stricter export threshold. */
    public EstimateView export(EstimateRequest request) {
        AccessEvent event = event(AccessEvent.Action.EXPORT, "mse-estimate");
        EstimateView view = logRefusal(event, () -> fromRegistrations(request, thresholds.k(), bootstrap));
        log.record(event);
        return view;
    }

    /** An uploaded capture-history table (the CSV format of the shared MSE data sets). */
    public EstimateView upload(String csv, List<String> terms) {
        CaptureTable table = parse(csv);
        MseResult result = logRefusal(
                event(AccessEvent.Action.REPORT, "mse-upload"), () -> run(table, terms, bootstrap, thresholds.k()));
        var overlapView = EstimateViews.OverlapView.of(countsOf(table), table.lists(), thresholds.k());
        var lists = table.lists().stream()
                .map(l -> new EstimateViews.ListView(l, l))
                .toList();
        log.record(new AccessEvent(
                AccessEvent.Action.REPORT,
                "mse-upload",
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
        return EstimateViews.of(
                new EstimateViews.Selection(null, null, null, lists), overlapView, null, result, seed, threshold);
    }

    /** The estimate per year, for a chart; BCa only on request, as it multiplies the work by B. */
    public List<SeriesPoint> series(int fromYear, int toYear, String region, List<String> codes, boolean bca) {
        Years.range("fromYear", fromYear, toYear, 15);
        List<SeriesPoint> points = new ArrayList<>();
        for (int year = fromYear; year <= toYear; year++) {
            points.add(
                    point(year, new EstimateRequest(EstimateRequests.Period.ofYear(year), region, codes, null), bca));
        }
        log.record(new AccessEvent(
                AccessEvent.Action.REPORT,
                "mse-series",
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
        return points;
    }

    /**
     * The estimate without bootstrap and without an access-log row of its own, for a page that logs its whole
     * run once (the monitor); empty where no estimate is published (too few registered, or none exists).
     */
    public java.util.Optional<EstimateViews.Estimate> quietEstimate(EstimateRequest request) {
        try {
            return java.util.Optional.of(
                    fromRegistrations(request, thresholds.k(), 0).estimate());
        } catch (ProblemException refused) {
            if (refused.status() != 422) {
                throw refused;
            }
            return java.util.Optional.empty();
        }
    }

    private static AccessEvent event(AccessEvent.Action action, String objectType) {
        return new AccessEvent(action, objectType, List.of(), List.of(), AccessEvent.Outcome.SUCCESS, null, false);
    }

    /** A refused estimate (422) is an access too; it is logged apart, as the refusal rolls back. */
    private <T> T logRefusal(AccessEvent event, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (ProblemException e) {
            if (e.status() == 422) {
                log.recordApart(event.withOutcome(AccessEvent.Outcome.FAILED));
            }
            throw e;
        }
    }

    private SeriesPoint point(int year, EstimateRequest request, boolean bca) {
        try {
            EstimateViews.Estimate e = fromRegistrations(request, thresholds.k(), bca ? bootstrap : 0)
                    .estimate();
            return new SeriesPoint(
                    year, e.observed(), e.populationSize(), e.dark(), e.ci(), e.ciBca(), e.model(), null);
        } catch (ProblemException refused) {
            if (refused.status() != 422) {
                throw refused;
            }
            return new SeriesPoint(year, null, null, null, null, null, null, refused.getMessage());
        }
    }

    private EstimateView fromRegistrations(EstimateRequest request, int k, int resamples) {
        DateRange period = request.period().resolve();
        String unit = region(request.region());
        List<ListSpec> lists = ListSpec.parse(request.lists(), users);
        inScope(unit, lists);
        List<String> codes = lists.stream().map(ListSpec::code).toList();
        OverlapRepository.Counts counts = published(overlap.count(lists, period, unit), codes, period, unit);
        CaptureTable table = CaptureTable.fromHistoryCounts(codes, counts.byHistory());
        MseResult result = run(table, request.terms(), resamples, k);
        var selection = new EstimateViews.Selection(
                period.from(),
                period.to(),
                unit == null ? NATIONAL : unit,
                lists.stream()
                        .map(l -> new EstimateViews.ListView(l.code(), l.label()))
                        .toList());
        return EstimateViews.of(
                selection,
                EstimateViews.OverlapView.of(counts.byHistory(), codes, k),
                EstimateViews.LinkageView.of(counts.byMatchQuality(), k),
                result,
                seed,
                threshold);
    }

    /** Runs the model on unsuppressed counts; refuses (422) rather than publish a number that does not exist. */
    private MseResult run(CaptureTable table, List<String> terms, int resamples, int k) {
        if (table.observed() < k) {
            throw new ProblemException(
                    422,
                    "No estimate",
                    MessageCode.MSE_TOO_FEW_OBSERVED,
                    java.util.Map.of("k", k),
                    "Fewer than " + k + " persons were registered in this "
                            + "selection; no estimate is published for so few.",
                    "TOO_FEW_OBSERVED",
                    List.of());
        }
        Options options = new Options(threshold, resamples, seed);
        try {
            return terms == null || terms.isEmpty()
                    ? ESTIMATOR.estimate(table, options)
                    : ESTIMATOR.estimate(table, terms, options);
        } catch (EstimateDoesNotExistException e) {
            throw new ProblemException(
                    422,
                    "No estimate",
                    MessageCode.valueOf("MSE_" + e.reason().name()),
                    Map.of(),
                    "No estimate exists for these data: " + e.getMessage() + ".",
                    e.reason().name(),
                    List.of());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("terms", MessageCode.MSE_TERMS_INVALID, e.getMessage());
        }
    }

    /**
     * The counts as published: each cell perturbed with a key of its definition (number of lists, history,
     * period and region; the period is resolved to dates, so equivalent requests share keys).
     */
    private OverlapRepository.Counts published(
            OverlapRepository.Counts truth, List<String> codes, DateRange period, String unit) {
        try (Connection c = jdbc.connection()) {
            long[] byHistory = truth.byHistory().clone();
            // Keyed by position, not by list names: the same partners chosen by type or by name give the same figures.
            String selection = codes.size() + "|" + period.from() + "|" + period.to() + "|" + unit;
            for (int h = 1; h < byHistory.length; h++) {
                byHistory[h] = CellKeyPerturbation.publish(byHistory[h], CellKeys.of(c, "overlap", selection, h));
            }
            Map<String, Long> byQuality = new TreeMap<>();
            for (var e : truth.byMatchQuality().entrySet()) {
                byQuality.put(
                        e.getKey(),
                        CellKeyPerturbation.publish(e.getValue(), CellKeys.of(c, "match", selection, e.getKey())));
            }
            return new OverlapRepository.Counts(byHistory, byQuality);
        } catch (SQLException e) {
            throw new IllegalStateException("The cell keys could not be read", e);
        }
    }

    /** The regional scope of the reports: a regional coordinator's own unit or the national figure, no other unit's partner by name. */
    private void inScope(String unit, List<ListSpec> lists) {
        scope.requireUnit(unit);
        for (ListSpec l : lists) {
            if (l.organisationId() != null) {
                scope.requireOrganisation(
                        l.organisationId(),
                        users.organisation(l.organisationId())
                                .map(Organisation::policeUnit)
                                .orElse(null));
            }
        }
    }

    private String region(String region) {
        if (region == null || region.equals(NATIONAL)) {
            return null;
        }
        if (!reference.policeUnitExists(region)) {
            throw ProblemException.invalid(
                    "region", MessageCode.MSE_REGION_UNKNOWN, "Use NATIONAL or a police-unit code.");
        }
        return region;
    }

    private static CaptureTable parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ProblemException.invalid(
                    "body", MessageCode.UPLOAD_EMPTY_BODY, "Send the capture histories as CSV (text/csv).");
        }
        try {
            return CaptureTable.parseCsv(new StringReader(csv));
        } catch (MalformedCaptureTableException e) {
            throw ProblemException.invalid(List.of(uploadError(e)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("body", MessageCode.UPLOAD_UNREADABLE, e.getMessage());
        } catch (IOException e) {
            throw ProblemException.invalid("body", MessageCode.UPLOAD_UNREADABLE, "The CSV could not be read.");
        }
    }

    /** The field names the place in the file; the code and its parameters say what is wrong there. */
    static Problem.FieldError uploadError(MalformedCaptureTableException e) {
        String where = "line " + e.line() + (e.column() > 0 ? ", column " + e.column() : "");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("line", e.line());
        if (e.column() > 0) {
            params.put("column", e.column());
        }
        params.putAll(e.details());
        return new Problem.FieldError(
                where, MessageCode.valueOf("UPLOAD_" + e.kind().name()), params, e.getMessage());
    }

    private static long[] countsOf(CaptureTable table) {
        long[] counts = new long[table.historyCount() + 1];
        for (int h = 1; h < counts.length; h++) {
            counts[h] = table.count(h);
        }
        return counts;
    }
}
