package nl.ketenzicht.reports;

import java.util.List;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;

/**
 * The counter-based reports: which counters they show, split by which category, and which rates.
 * A share divides a cell by its region's total; a conversion divides one counter by another.
 */
public enum Measure implements CounterSpec {

    /** Measure 1: dependency on reports, by origin, along the chain of suspects. */
    DEPENDENCY(
            "origin",
            Codes.of(Origin.values()),
            List.of("cases", "s_in_view", "s_om_inflow", "s_summons", "s_conviction", "s_custody"),
            List.of("cases", "s_om_inflow"),
            List.of(
                    new Rate("s_om_inflow", "s_in_view"), new Rate("s_summons", "s_om_inflow"),
                    new Rate("s_conviction", "s_summons"), new Rate("s_custody", "s_conviction")),
            new Rate("s_om_inflow", "s_in_view"),
            new Rate("s_in_view", "cases")),

    /** Measure 2: prosecution of clients, by team type. */
    CLIENTS(
            "team_type",
            Codes.of(TeamType.values()),
            List.of("victims", "clients", "c_om_inflow", "c_summons", "c_conviction", "c_custody", "c_age_check"),
            List.of(),
            List.of(
                    new Rate("c_om_inflow", "clients"),
                    new Rate("c_summons", "clients"),
                    new Rate("c_conviction", "clients"),
                    new Rate("c_custody", "c_conviction"),
                    new Rate("c_age_check", "clients")),
            new Rate("c_om_inflow", "clients"),
            new Rate("clients", "victims"));

    private final String category;
    private final List<String> categories;
    private final List<String> metrics;
    private final List<String> shares;
    private final List<Rate> conversions;
    private final Rate funnelRate;
    private final Rate ratio;

    Measure(
            String category,
            List<String> categories,
            List<String> metrics,
            List<String> shares,
            List<Rate> conversions,
            Rate funnelRate,
            Rate ratio) {
        this.category = category;
        this.categories = categories;
        this.metrics = metrics;
        this.shares = shares;
        this.conversions = conversions;
        this.funnelRate = funnelRate;
        this.ratio = ratio;
    }

    public String category() {
        return category;
    }

    public List<String> categories() {
        return categories;
    }

    public List<String> metrics() {
        return metrics;
    }

    public List<String> shares() {
        return shares;
    }

    public List<Rate> conversions() {
        return conversions;
    }

    public Rate funnelRate() {
        return funnelRate;
    }
    /** A mean count per unit (suspects per case, clients per victim): can exceed 1, so no Wilson interval. */
    public Rate ratio() {
        return ratio;
    }

    /** numerator / denominator, where the numerator's group is always part of the denominator's. */
    public record Rate(String numerator, String denominator) {
        public String name() {
            return numerator + "_per_" + denominator;
        }
    }
}
