package nl.ketenzicht.reports;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.attack.LinearSystem;

/**
 * The relations an attacker adds from public knowledge, between published variables only: margins
 * of the published tables, regions that nest (a police unit or prosecution office is the sum of its
 * court districts, a unit the sum of its municipalities: the public reference geography), periods
 * that add up, and the subsets that follow from the definitions (docs/measures.md, the chain rules of
 * Proceedings, Measure and VictimMeasures): OM inflow needs in view, a decision needs inflow, a
 * verdict needs a summons, a sentence a conviction; aangifte made is a hearing; found, reported and
 * victimised episodes are episodes; started care was referred; a filtered count is part of the unfiltered one.
 */
final class DomainRelations {

    /** A metric's supersets among the published metrics (same region, period and subjects). */
    private static final Map<String, List<String>> WITHIN = Map.ofEntries(
            Map.entry("s_om_inflow", List.of("s_in_view")),
            Map.entry("s_decision", List.of("s_om_inflow")),
            Map.entry("s_summons", List.of("s_decision", "s_om_inflow")),
            Map.entry("s_verdict", List.of("s_summons")),
            Map.entry("s_conviction", List.of("s_verdict", "s_summons")),
            Map.entry("s_custody", List.of("s_conviction")),
            Map.entry("c_om_inflow", List.of("clients")),
            Map.entry("c_summons", List.of("c_om_inflow")),
            Map.entry("c_conviction", List.of("c_summons")),
            Map.entry("c_custody", List.of("c_conviction")),
            Map.entry("c_age_check", List.of("clients")),
            Map.entry("aangifte_made", List.of("heard", "victims", "marker_mentions")),
            Map.entry("victims_with_estimate", List.of("victims")),
            Map.entry("declined", List.of("victims")),
            Map.entry("heard", List.of("victims")),
            Map.entry("reported", List.of("episodes")),
            Map.entry("found", List.of("episodes")),
            Map.entry("victimised", List.of("episodes")),
            Map.entry("started", List.of("referrals")));

    /** Published periods and the published periods that partition them. */
    private static final Map<List<Integer>, List<List<Integer>>> PARTS = new LinkedHashMap<>();

    static {
        List<List<Integer>> all = new ArrayList<>(List.of(List.of(2000 * 4, 2020 * 4 + 3)));
        for (int y = 2021; y <= 2024; y++) {
            all.add(List.of(y * 4, y * 4 + 3));
        }
        all.add(List.of(2025 * 4, 2100 * 4 + 3));
        PARTS.put(List.of(2000 * 4, 2100 * 4 + 3), all);
        PARTS.put(
                List.of(2022 * 4, 2022 * 4 + 3),
                List.of(
                        List.of(2022 * 4, 2022 * 4),
                        List.of(2022 * 4 + 1, 2022 * 4 + 1),
                        List.of(2022 * 4 + 2, 2022 * 4 + 2),
                        List.of(2022 * 4 + 3, 2022 * 4 + 3)));
    }

    /** The public reference geography: the court districts of each unit and office, the municipalities of each unit. */
    record Geography(Map<String, List<String>> districtsOf, Map<String, List<String>> municipalitiesOf) {}

    private final LinearSystem system;
    private final Set<CellKey> keys;
    private final Set<String> added = new HashSet<>();
    final Map<String, Integer> counts = new LinkedHashMap<>();

    DomainRelations(LinearSystem system, Set<CellKey> keys) {
        this.system = system;
        this.keys = keys;
    }

    void margins(List<Publications.Sum> sums) {
        sums.forEach(s -> sum("margin", s.route(), s.total(), s.parts()));
    }

    void derived(Geography geo) {
        for (CellKey k : List.copyOf(keys)) {
            String region = k.region();
            if (region.startsWith("PU:") || region.startsWith("PO:")) {
                List<String> districts = geo.districtsOf().getOrDefault(region, List.of());
                sum(
                        "level",
                        "court districts of " + region,
                        k,
                        districts.stream().map(d -> k.withRegion("CD:" + d)).toList());
            }
            if (region.startsWith("PU:")) {
                List<String> municipalities = geo.municipalitiesOf().getOrDefault(region, List.of());
                sum(
                        "level",
                        "municipalities of " + region,
                        k,
                        municipalities.stream()
                                .map(m -> k.withRegion("GM:" + m))
                                .toList());
            }
            List<List<Integer>> parts = PARTS.get(List.of(k.from(), k.to()));
            if (parts != null) {
                sum(
                        "period",
                        "periods of " + CellKey.period(k.from(), k.to()),
                        k,
                        parts.stream()
                                .map(p -> k.withPeriod(p.get(0), p.get(1)))
                                .toList());
            }
            for (String sup : WITHIN.getOrDefault(k.metric(), List.of())) {
                CellKey s = k.withMetric(sup);
                subset(
                        k.metric() + " ⊆ " + sup,
                        k,
                        k.dim("hearing") != null && !sup.equals("heard") ? s.without("hearing") : s);
            }
            if (k.dim("marker") != null) {
                subset("marker mentioned ⊆ victims", k, k.without("marker").withMetric("victims"));
            }
            if (k.dim("reason") != null) {
                subset("reason mentioned ⊆ declined", k, k.without("reason").withMetric("declined"));
            }
            for (String dim : k.dims().keySet()) {
                subset("filtered ⊆ unfiltered (" + dim + ")", k, k.without(dim));
            }
        }
    }

    private void sum(String kind, String route, CellKey total, List<CellKey> parts) {
        if (parts.isEmpty()
                || !keys.contains(total)
                || !keys.containsAll(parts)
                || (parts.size() == 1 && parts.get(0).equals(total))) {
            return;
        }
        String signature =
                total.name() + "=" + parts.stream().map(CellKey::name).sorted().toList();
        if (added.add(signature)) {
            system.sum(route, total.name(), parts.stream().map(CellKey::name).toList());
            counts.merge(kind, 1, Integer::sum);
        }
    }

    private void subset(String route, CellKey sub, CellKey sup) {
        if (!keys.contains(sub) || !keys.contains(sup) || sub.equals(sup)) {
            return;
        }
        if (added.add(sub.name() + "<=" + sup.name())) {
            system.subset(route, sub.name(), sup.name());
            counts.merge("subset", 1, Integer::sum);
        }
    }
}
