package nl.ketenzicht.monitor;

import static nl.ketenzicht.monitor.Figures.NATIONAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import nl.ketenzicht.linkage.EstimateViews.Estimate;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.monitor.MonitorViews.Part;
import nl.ketenzicht.monitor.MonitorViews.RegionFigure;
import nl.ketenzicht.monitor.MonitorViews.Section;
import nl.ketenzicht.monitor.MonitorViews.TrendPoint;
import nl.ketenzicht.reports.ReportViews.FunnelPlotView;
import nl.ketenzicht.reports.ReportViews.FunnelPoint;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.ReportViews.RegionalReport;
import nl.ketenzicht.reports.stats.FunnelPlot;
import nl.ketenzicht.reports.stats.FunnelPosition;

/**
 * The monitor's sections, one per concern, each read from the published reports of its years
 * ({@link YearReports}) by one function year × region → figure, so the figure, the trend and the regions
 * of a section are the same reading of the same published cells.
 */
final class MonitorSections {

    /** Vulnerability markers the programme names (domain guide: LVB, eating disorder, GGZ, youth care). */
    static final List<String> MARKERS = List.of("LVB", "EATING_DISORDER", "GGZ", "RESIDENTIAL_YOUTH_CARE");

    static final List<String> ORIGINS = List.of("AANGIFTE", "AMBTSHALVE", "SIGNAL", "DIGITAL", "DECOY");
    static final List<String> TEAMS = List.of("AVIM", "ZEDEN", "OTHER");

    private final Map<Integer, YearReports> years;
    private final YearReports chosen;
    private final String unit;
    private final Map<Integer, Long[]> targets;
    private final MonitorSentences sentences;

    MonitorSections(
            Map<Integer, YearReports> years,
            YearReports chosen,
            String unit,
            Map<Integer, Long[]> targets,
            MonitorSentences sentences) {
        this.years = years;
        this.chosen = chosen;
        this.unit = unit;
        this.targets = targets;
        this.sentences = sentences;
    }

    List<Section> all() {
        return List.of(
                invisible(),
                dependency(),
                suspectsAtOm(),
                clients(),
                clientsEstimated(),
                throughput(),
                vulnerable(),
                runaways(),
                care(),
                context());
    }

    // ---- the concerns ------------------------------------------------------------------------

    /** The invisible share: victims no partner registered, estimated from the overlap of registrations (measure 8). */
    private Section invisible() {
        BiFunction<YearReports, String, Figure> f = (y, region) -> dark(
                NATIONAL.equals(region) ? y.darkNational() : y.darkByUnit().getOrDefault(region, Optional.empty()));
        return section("invisible", "SHARE_ESTIMATE", f, null, List.of(), null);
    }

    /** Dependency on aangifte: the share of cases that start with one; how far each origin's suspects get. */
    private Section dependency() {
        BiFunction<YearReports, String, Figure> f = (y, region) ->
                Figures.rate(y.dependency(), "share_of_cases", region, Figures.category(y.dependency(), "AANGIFTE"));
        List<Part> parts = new ArrayList<>();
        for (String origin : ORIGINS) {
            parts.add(part(
                    "omInflow." + origin,
                    "RATE",
                    (y, region) -> Figures.rate(
                            y.dependency(),
                            "s_om_inflow_per_s_in_view",
                            region,
                            Figures.category(y.dependency(), origin))));
        }
        return section("dependency", "RATE", f, chosen.dependency().funnelPlot(), parts, null);
    }

    /** Suspects at OM inflow against the programme's target (240 planned for 2022 against 261 in 2012). */
    private Section suspectsAtOm() {
        BiFunction<YearReports, String, Figure> f =
                (y, region) -> Figures.count(Figures.count(y.dependency(), "s_om_inflow", region, -1));
        return section("suspectsOm", "COUNT", f, null, List.of(), this::target);
    }

    /** Clients: the share of identified clients at OM inflow and convicted, by team type. */
    private Section clients() {
        BiFunction<YearReports, String, Figure> f =
                (y, region) -> Figures.rate(y.clients(), "c_om_inflow_per_clients", region, -1);
        List<Part> parts = new ArrayList<>();
        parts.add(part(
                "convicted", "RATE", (y, region) -> Figures.rate(y.clients(), "c_conviction_per_clients", region, -1)));
        for (String team : TEAMS) {
            parts.add(part(
                    "convicted." + team,
                    "RATE",
                    (y, region) -> Figures.rate(
                            y.clients(), "c_conviction_per_clients", region, Figures.category(y.clients(), team))));
        }
        parts.add(part(
                "identified",
                "COUNT",
                (y, region) -> Figures.count(Figures.count(y.clients(), "clients", region, -1))));
        return section("clients", "RATE", f, chosen.clients().funnelPlot(), parts, null);
    }

    /**
     * Identified against estimated clients: the clients identified in the year's cases (measure 2's published
     * count) as a share of the clients estimated for their victims (V1_19_0, published with the victims' keys);
     * the estimated clients who never entered the chain as a party.
     */
    private Section clientsEstimated() {
        BiFunction<YearReports, String, Figure> identified =
                (y, region) -> Figures.count(Figures.count(y.clients(), "clients", region, -1));
        BiFunction<YearReports, String, Figure> estimated =
                (y, region) -> Figures.count(y.victimFacts().get(region, "estimated_clients"));
        BiFunction<YearReports, String, Figure> f = (y, region) -> Figures.share(
                Figures.count(y.clients(), "clients", region, -1),
                y.victimFacts().get(region, "estimated_clients"));
        List<Part> parts = List.of(
                part("estimated", "COUNT", estimated),
                part("identified", "COUNT", identified),
                part("neverInChain", "COUNT", (y, region) -> {
                    Long e = y.victimFacts().get(region, "estimated_clients");
                    Long i = Figures.count(y.clients(), "clients", region, -1);
                    return e == null || i == null ? Figure.NONE : Figures.count(Math.max(0, e - i));
                }),
                part(
                        "withEstimate",
                        "COUNT",
                        (y, region) -> Figures.count(y.victimFacts().get(region, "with_estimate"))));
        return section("clientsEstimated", "RATE", f, funnel(f, "clients_per_estimated_clients"), parts, null);
    }

    /** Throughput: the share of suspects in view that reached OM inflow within a year (competing endings, open censored). */
    private Section throughput() {
        BiFunction<YearReports, String, Figure> f = (y, region) -> Figures.incidence(y.throughput(), 365, region);
        List<Part> parts = List.of(
                part("within90", "RATE", (y, region) -> Figures.incidence(y.throughput(), 90, region)),
                part("within180", "RATE", (y, region) -> Figures.incidence(y.throughput(), 180, region)));
        return section("throughput", "RATE", f, null, parts, null);
    }

    /** Vulnerable groups: each marker's share among victims; the aangifte rate of all victims beside it. */
    private Section vulnerable() {
        BiFunction<YearReports, String, Figure> f = (y, region) -> marker(y, region, MARKERS.get(0));
        List<Part> parts = new ArrayList<>();
        for (String marker : MARKERS) {
            parts.add(part("share." + marker, "RATE", (y, region) -> marker(y, region, marker)));
        }
        parts.add(part(
                "aangifte",
                "RATE",
                (y, region) -> Figures.section(y.victims(), "VICTIMS_AANGIFTE")
                        .map(s -> Figures.rate(s, "aangifte_made_per_victims", region, -1))
                        .orElse(Figure.NONE)));
        for (String marker : MARKERS) {
            parts.add(part(
                    "aangifte." + marker,
                    "RATE",
                    (y, region) -> Figures.share(
                            y.victimFacts().get(region, marker + "_made"),
                            y.victimFacts().get(region, marker))));
        }
        return section("vulnerable", "RATE", f, funnel(f, "marker_LVB_per_victims"), parts, null);
    }

    /** Runaways: the share of episodes during which the child was victimised; the median days to be found. */
    private Section runaways() {
        BiFunction<YearReports, String, Figure> f = (y, region) -> Figures.section(y.runaways(), "RUNAWAYS")
                .map(s -> Figures.rate(s, "victimised_per_episodes", region, -1))
                .orElse(Figure.NONE);
        List<Part> parts = List.of(
                part("daysToFind", "DAYS", (y, region) -> Figures.median(y.runaways(), "MISSING_TO_FOUND", region)),
                part(
                        "daysToReport",
                        "DAYS",
                        (y, region) -> Figures.median(y.runaways(), "MISSING_TO_REPORTED", region)));
        return section(
                "runaways",
                "RATE",
                f,
                Figures.section(chosen.runaways(), "RUNAWAYS")
                        .map(RegionalReport::funnelPlot)
                        .orElse(null),
                parts,
                null);
    }

    /** Care: the median wait from referral to the start of care (those still waiting censored). */
    private Section care() {
        BiFunction<YearReports, String, Figure> f =
                (y, region) -> Figures.median(y.care(), "REFERRAL_TO_START", region);
        List<Part> parts = List.of(part(
                "started",
                "RATE",
                (y, region) -> Figures.section(y.care(), "CARE")
                        .map(s -> Figures.rate(s, "started_per_referrals", region, -1))
                        .orElse(Figure.NONE)));
        return section("care", "DAYS", f, null, parts, null);
    }

    /**
     * Measure 7, outcomes set against context: suspects at OM inflow (measure 1's published count, by opening
     * year) per investigator FTE (AVIM and zeden) per unit; the aangifte rate of victims in priority against
     * other municipalities, in a pilot's cases against its units' other cases, and before against after its
     * start, each difference with Newcombe's interval. Side by side only: nothing here says why they differ.
     */
    private Section context() {
        BiFunction<YearReports, String, Figure> f = (y, region) -> Figures.perFte(
                Figures.count(y.dependency(), "s_om_inflow", region, -1),
                y.fte().of(y.year(), region));
        ContextOutcomes.Groups g = chosen.groups();
        List<Part> parts = new ArrayList<>();
        comparison(parts, "priority", "yes", "no", g == null ? null : g.priority(), g == null ? null : g.notPriority());
        if (g != null && g.pilot() != null) {
            comparison(parts, "pilot", "tagged", "untagged", g.tagged(), g.untagged());
            comparison(parts, "pilotStart", "after", "before", g.after(), g.before());
        }
        Figure national = f.apply(chosen, NATIONAL);
        Figure own = unit == null ? null : f.apply(chosen, unit);
        List<TrendPoint> trend = new ArrayList<>();
        years.forEach((year, reports) -> trend.add(
                new TrendPoint(year, f.apply(reports, NATIONAL), unit == null ? null : f.apply(reports, unit), null)));
        List<RegionFigure> regions = new ArrayList<>();
        for (RegionRef r : chosen.dependency().regions()) {
            regions.add(new RegionFigure(r.code(), f.apply(chosen, r.code())));
        }
        return new Section(
                "context",
                "PER_FTE",
                national,
                own,
                null,
                trend,
                regions,
                null,
                parts,
                sentences.context(
                        chosen.year(),
                        national,
                        own,
                        unit,
                        parts,
                        g == null || g.pilot() == null ? null : g.pilot().name()),
                sentences.cannotTell("context"));
    }

    /** A comparison's two shares (aangifte made among victims) and their difference, a − b. */
    private void comparison(
            List<Part> parts,
            String id,
            String a,
            String b,
            VictimFactFigures.Published first,
            VictimFactFigures.Published second) {
        BiFunction<YearReports, String, Figure> fa = (y, region) ->
                first == null ? Figure.NONE : Figures.share(first.get(region, "made"), first.get(region, "victims"));
        BiFunction<YearReports, String, Figure> fb = (y, region) ->
                second == null ? Figure.NONE : Figures.share(second.get(region, "made"), second.get(region, "victims"));
        parts.add(part(id + "." + a, "RATE", fa));
        parts.add(part(id + "." + b, "RATE", fb));
        parts.add(part(
                id + ".difference",
                "DIFFERENCE",
                (y, region) -> Figures.difference(fa.apply(y, region), fb.apply(y, region))));
    }

    // ---- shared --------------------------------------------------------------------------------

    private interface TargetOf {
        Long of(int year, boolean national);
    }

    private Long target(int year, boolean national) {
        Long[] pair = targets.get(year);
        return pair == null ? null : pair[national ? 0 : 1];
    }

    private Section section(
            String id,
            String kind,
            BiFunction<YearReports, String, Figure> f,
            FunnelPlotView funnel,
            List<Part> parts,
            TargetOf target) {
        Figure national = f.apply(chosen, NATIONAL);
        Figure own = unit == null ? null : f.apply(chosen, unit);
        List<TrendPoint> trend = new ArrayList<>();
        years.forEach((year, reports) -> trend.add(new TrendPoint(
                year,
                f.apply(reports, NATIONAL),
                unit == null ? null : f.apply(reports, unit),
                target == null ? null : target.of(year, unit == null))));
        List<RegionFigure> regions = new ArrayList<>();
        for (RegionRef r : chosen.dependency().regions()) {
            regions.add(new RegionFigure(r.code(), f.apply(chosen, r.code())));
        }
        Long goal = target == null ? null : target.of(chosen.year(), unit == null);
        return new Section(
                id,
                kind,
                national,
                own,
                goal,
                trend,
                regions,
                funnel,
                parts,
                sentences.sentence(id, chosen.year(), national, own, unit, parts, goal),
                sentences.cannotTell(id));
    }

    private Part part(String id, String kind, BiFunction<YearReports, String, Figure> f) {
        return new Part(id, kind, f.apply(chosen, NATIONAL), unit == null ? null : f.apply(chosen, unit));
    }

    private static Figure dark(Optional<Estimate> estimate) {
        return estimate.filter(e -> e.shareInvisibleCi() != null)
                .map(e -> new Figure(
                        e.shareInvisible(),
                        e.shareInvisibleCi().lower(),
                        e.shareInvisibleCi().upper(),
                        e.observed(),
                        Math.round(e.populationSize())))
                .orElse(Figure.NONE);
    }

    /** A marker's share among the region's victims: published mentions over published victims (measure 4). */
    private static Figure marker(YearReports y, String region, String marker) {
        Optional<RegionalReport> markers = Figures.section(y.victims(), "VICTIMS_VULNERABILITY");
        Optional<RegionalReport> victims = Figures.section(y.victims(), "VICTIMS_AANGIFTE");
        if (markers.isEmpty() || victims.isEmpty()) {
            return Figure.NONE;
        }
        int column = Figures.category(markers.get(), marker);
        if (column < 0) {
            return Figure.NONE;
        }
        return Figures.share(
                Figures.count(markers.get(), "marker_mentions", region, column),
                Figures.count(victims.get(), "victims", region, -1));
    }

    /**
     * A funnel plot of a section's rate over the chosen year's regions, from the published counts of each
     * region (as the reports draw theirs): regions whose counts are withheld are left out.
     */
    private FunnelPlotView funnel(BiFunction<YearReports, String, Figure> f, String rate) {
        Figure national = f.apply(chosen, NATIONAL);
        if (national.numerator() == null
                || national.denominator() == null
                || national.denominator() == 0
                || national.numerator() == 0
                || national.numerator().equals(national.denominator())) {
            return new FunnelPlotView(rate, national.value(), List.of(), List.of(), 0, 0);
        }
        long centreEvents = Math.min(national.numerator(), national.denominator());
        if (centreEvents == national.denominator()) {
            return new FunnelPlotView(rate, national.value(), List.of(), List.of(), 0, 0);
        }
        FunnelPlot plot = FunnelPlot.centredOn(centreEvents, national.denominator());
        List<FunnelPoint> points = new ArrayList<>();
        for (RegionRef r : chosen.dependency().regions()) {
            Figure x = f.apply(chosen, r.code());
            if (x.numerator() != null && x.denominator() != null && x.denominator() > 0) {
                long events = Math.min(
                        x.numerator(), x.denominator()); // a subset published above its whole counts as the whole
                points.add(new FunnelPoint(
                        r.code(),
                        events,
                        x.denominator(),
                        (double) events / x.denominator(),
                        plot.classify(events, x.denominator())));
            }
        }
        long minN = points.stream().mapToLong(FunnelPoint::n).min().orElse(1);
        long maxN = points.stream().mapToLong(FunnelPoint::n).max().orElse(1);
        int outside95 = (int) points.stream()
                .filter(p -> p.position() != FunnelPosition.WITHIN)
                .count();
        int outside998 = (int) points.stream()
                .filter(p -> p.position() == FunnelPosition.ABOVE_99_8 || p.position() == FunnelPosition.BELOW_99_8)
                .count();
        return new FunnelPlotView(
                rate,
                plot.centre(),
                points,
                points.isEmpty() ? List.of() : plot.curve(Math.max(1, minN / 2), Math.max(2, maxN * 2), 25),
                outside95,
                outside998);
    }
}
