package nl.ketenzicht.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import nl.ketenzicht.reports.ReportWorld.Kase;
import nl.ketenzicht.reports.ReportWorld.Party;
import nl.ketenzicht.reports.VictimWorld.Victim;

/**
 * The true value of any {@link CellKey}, recounted from the records the test wrote (independent of
 * the aggregates and of the attack): the answer key against which pins are judged.
 */
final class AttackTruth {

    private static final Set<String> CASE_DIMS = Set.of("origin", "team", "form");

    private final List<Kase> cases;
    private final List<Victim> victims;
    /** Measure 7's context as the test kept it: priority by "municipality:year" (absent: unknown), the pilot's tagged cases. */
    private Map<String, Boolean> priority = Map.of();

    private Set<Long> tagged = Set.of();

    AttackTruth(List<Kase> cases, List<Victim> victims) {
        this.cases = cases;
        this.victims = victims;
    }

    AttackTruth context(Map<String, Boolean> priority, Set<Long> tagged) {
        this.priority = priority;
        this.tagged = tagged;
        return this;
    }

    long value(CellKey k) {
        if (k.metric().startsWith("event_")) {
            return byEventDay(k, k.metric().substring("event_".length()));
        }
        return switch (k.metric()) {
            case "cases" -> cases.stream().filter(c -> caseIn(c, k, c.openedOn)).count();
            case "s_in_view" -> parties(k, "SUSPECT", p -> p.reached("IN_VIEW"));
            case "s_om_inflow" -> parties(k, "SUSPECT", p -> p.reached("OM_INFLOW"));
            case "s_decision" -> parties(k, "SUSPECT", p -> p.reached("OM_DECISION"));
            case "s_summons" -> parties(k, "SUSPECT", Party::summoned);
            case "s_verdict" -> parties(k, "SUSPECT", p -> p.reached("VERDICT"));
            case "s_conviction" -> parties(k, "SUSPECT", Party::convicted);
            case "s_custody" -> parties(k, "SUSPECT", Party::custody);
            case "clients" -> parties(k, "CLIENT", p -> true);
            case "c_om_inflow" -> parties(k, "CLIENT", p -> p.reached("OM_INFLOW"));
            case "c_summons" -> parties(k, "CLIENT", Party::summoned);
            case "c_conviction" -> parties(k, "CLIENT", Party::convicted);
            case "c_custody" -> parties(k, "CLIENT", Party::custody);
            case "c_age_check" -> parties(k, "CLIENT", p -> p.ageCheck);
            case "victims" -> victims(k, v -> true);
            case "aangifte_made" -> victims(k, Victim::made);
            case "declined" -> victims(k, Victim::declined);
            case "heard" -> victims(k, v -> !v.hearing().equals("NO_HEARING"));
            case "marker_mentions" ->
                victims.stream()
                        .filter(v -> victimIn(v, k))
                        .mapToLong(v -> mentions(v.markers.isEmpty() ? Set.of("NONE") : v.markers, k.dim("marker")))
                        .sum();
            case "reason_mentions" ->
                victims.stream()
                        .filter(v -> victimIn(v, k))
                        .mapToLong(v -> mentions(v.reasons(), k.dim("reason")))
                        .sum();
            case "episodes" -> episodes(k, e -> true);
            case "reported" -> episodes(k, e -> e.reported != null);
            case "found" -> episodes(k, e -> e.found != null);
            case "victimised" -> episodes(k, e -> Boolean.TRUE.equals(e.victimised));
            case "referrals" -> referrals(k, c -> true);
            case "started" -> referrals(k, c -> c.started != null);
            // The monitor's own counts: VictimWorld records no estimated number of clients.
            case "victims_with_estimate" -> victims(k, v -> v.estimatedClients != null);
            case "estimated_clients" ->
                victims.stream()
                        .filter(v -> victimIn(v, k) && inContext(v, k) && v.estimatedClients != null)
                        .mapToLong(v -> v.estimatedClients)
                        .sum();
            default -> throw new IllegalArgumentException("no truth for " + k.name());
        };
    }

    private long parties(CellKey k, String kind, Predicate<Party> p) {
        if (!CASE_DIMS.containsAll(k.dims().keySet())) {
            throw new IllegalArgumentException("not a dimension of parties: " + k.name());
        }
        return cases.stream()
                .filter(c -> caseIn(c, k, c.openedOn))
                .flatMap(c -> c.parties.stream())
                .filter(x -> x.kind.equals(kind))
                .filter(p)
                .count();
    }

    private long victims(CellKey k, Predicate<Victim> p) {
        return victims.stream()
                .filter(v -> victimIn(v, k) && inContext(v, k))
                .filter(p)
                .count();
    }

    /**
     * The monitor's groups of victims: within a vulnerability marker (aangifte made within a group), in a
     * municipality with or without the local priority in the case's opening year, in the pilot's units
     * ("AMS+RDM"), in its tagged or untagged cases.
     */
    private boolean inContext(Victim v, CellKey k) {
        String unitList = k.dim("units");
        return (k.dim("marker") == null || v.markers.contains(k.dim("marker")))
                && (k.dim("priority") == null
                        || Boolean.valueOf(k.dim("priority").equals("yes"))
                                .equals(priority.get(v.kase.place.municipality() + ":" + v.kase.openedOn.getYear())))
                && (unitList == null || List.of(unitList.split("\\+")).contains(v.kase.place.unit()))
                && (k.dim("tag") == null || k.dim("tag").equals("tagged") == tagged.contains(v.kase.id));
    }

    /**
     * The calendar year: suspects with the chain event, or victims with an aangifte made, on a day within the
     * key's period, whatever the quarter their case was opened in (region and case filters as usual).
     */
    private long byEventDay(CellKey k, String metric) {
        if (metric.equals("aangifte_made")) {
            return victims.stream()
                    .filter(v -> inRegion(v.kase.place, k.region()))
                    .filter(v -> v.events.stream().anyMatch(e -> e.type().equals("AANGIFTE_MADE") && within(e.on(), k)))
                    .count();
        }
        Predicate<ReportWorld.Step> event = switch (metric) {
            case "s_in_view" -> s -> s.stage.equals("IN_VIEW");
            case "s_om_inflow" -> s -> s.stage.equals("OM_INFLOW");
            case "s_summons" -> s -> "SUMMONS".equals(s.decision);
            case "s_conviction" -> s -> s.stage.equals("VERDICT") && "CONVICTION".equals(s.verdict);
            default -> throw new IllegalArgumentException("no truth for " + k.name());
        };
        return cases.stream()
                .filter(c -> inRegion(c.place, k.region()))
                .flatMap(c -> c.parties.stream())
                .filter(x -> x.kind.equals("SUSPECT"))
                .filter(x -> x.steps.stream().anyMatch(s -> event.test(s) && within(s.on, k)))
                .count();
    }

    private static boolean within(LocalDate on, CellKey k) {
        int q = on.getYear() * 4 + (on.getMonthValue() - 1) / 3;
        return q >= k.from() && q <= k.to();
    }

    private long episodes(CellKey k, Predicate<VictimWorld.Runaway> p) {
        return victims.stream()
                .filter(v -> personIn(v, k))
                .flatMap(v -> v.runaways.stream().filter(e -> caseIn(v.kase, k, e.missing)))
                .filter(e ->
                        k.dim("institution") == null || k.dim("institution").equals(e.institution))
                .filter(p)
                .count();
    }

    private long referrals(CellKey k, Predicate<VictimWorld.Referral> p) {
        return victims.stream()
                .filter(v -> personIn(v, k))
                .flatMap(v -> v.referrals.stream().filter(c -> caseIn(v.kase, k, c.referred)))
                .filter(c -> k.dim("careType") == null || k.dim("careType").equals(c.type))
                .filter(p)
                .count();
    }

    private static long mentions(Set<String> codes, String code) {
        return code == null ? codes.size() : codes.contains(code) ? 1 : 0;
    }

    /** A victim in the key's case cut and its person dimensions (age group, hearing, channel; marker and reason are counted apart). */
    private static boolean victimIn(Victim v, CellKey k) {
        return caseIn(v.kase, k, v.kase.openedOn)
                && personIn(v, k)
                && (k.dim("hearing") == null || k.dim("hearing").equals(v.hearing()))
                && (k.dim("channel") == null || k.dim("channel").equals(v.channel == null ? "UNKNOWN" : v.channel));
    }

    private static boolean personIn(Victim v, CellKey k) {
        return k.dim("age") == null || k.dim("age").equals(v.ageGroup().name());
    }

    /** The case's region and filters, and the date that places the counted record in the period. */
    private static boolean caseIn(Kase c, CellKey k, LocalDate on) {
        int q = on.getYear() * 4 + (on.getMonthValue() - 1) / 3;
        return q >= k.from()
                && q <= k.to()
                && inRegion(c.place, k.region())
                && (k.dim("origin") == null || k.dim("origin").equals(c.origin))
                && (k.dim("team") == null || k.dim("team").equals(c.team))
                && (k.dim("form") == null || c.forms.contains(k.dim("form")));
    }

    private static boolean inRegion(ReportWorld.Place p, String region) {
        if (region.equals("NL")) {
            return true;
        }
        String code = region.substring(3);
        return switch (region.substring(0, 3)) {
            case "PU:" -> p.unit().equals(code);
            case "CD:" -> p.district().equals(code);
            case "PO:" -> p.office().equals(code);
            case "GM:" -> p.municipality().equals(code);
            default -> throw new IllegalArgumentException(region);
        };
    }
}
