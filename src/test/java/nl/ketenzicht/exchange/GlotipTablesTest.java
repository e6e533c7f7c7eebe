package nl.ketenzicht.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import nl.ketenzicht.exchange.GlotipTables.Breakdown;
import nl.ketenzicht.exchange.GlotipTables.Measure;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;
import nl.ketenzicht.reports.stats.CellKeyPerturbation;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import nl.ketenzicht.synthetic.SyntheticCase;
import nl.ketenzicht.synthetic.SyntheticOffender;
import nl.ketenzicht.synthetic.SyntheticVictim;
import nl.ketenzicht.synthetic.World;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 2 of issue 21 without a database: the GLOTIP/Eurostat tables of every year of a synthetic world
 * equal a count written here from the generator's own records (not through the exchange's records), and every
 * published cell is a figure the cell-key rule can give for its true count.
 */
class GlotipTablesTest {

    @Test
    void theTablesEqualAnIndependentCountOfTheGeneratedCases() {
        World world = SyntheticExchange.world(2015, 2500);
        List<ExchangeCase> cases = SyntheticExchange.cases(world);
        long nonZero = 0;
        for (int year = 2015; year <= 2025; year++) {
            GlotipTables t = new GlotipTables(year);
            cases.forEach(t::add);
            for (Measure m : Measure.values()) {
                for (Breakdown b : Breakdown.values()) {
                    long[][] expected = count(world, year, m, b);
                    long[][] actual = t.trueCounts(m, b);
                    for (int r = 0; r < expected.length; r++) {
                        assertArrayEquals(expected[r], actual[r], year + " " + m + " " + b + " row " + b.rows.get(r));
                        for (long n : expected[r]) {
                            nonZero += n > 0 ? 1 : 0;
                        }
                    }
                    published(t.published(m, b), expected);
                }
            }
            articles(world, year, t);
        }
        assertTrue(nonZero > 500, "cells with persons: " + nonZero);
    }

    /** Every published cell lies in the preimage of its true count, and no figure 1..4 is published. */
    private static void published(SuppressedTwoWayTable p, long[][] truth) {
        for (int r = 0; r < truth.length; r++) {
            for (int c = 0; c < truth[r].length; c++) {
                long v = GlotipTables.value(p.cell(r, c));
                long t = truth[r][c];
                assertTrue(v == 0 || v >= CellKeyPerturbation.K, "published " + v);
                long[] pre = CellKeyPerturbation.preimage(v);
                assertTrue(t >= pre[0] && t <= pre[1], "true " + t + " published " + v);
            }
        }
    }

    private static void articles(World world, int year, GlotipTables t) {
        TreeMap<String, long[]> expected = new TreeMap<>();
        for (SyntheticCase k : world.cases()) {
            for (SyntheticOffender o : offenders(k)) {
                for (int i = 0; i < GlotipTables.OFFENDER_MEASURES.size(); i++) {
                    if (first(o, GlotipTables.OFFENDER_MEASURES.get(i), year).isPresent()) {
                        for (String a : o.charges().stream()
                                .map(g -> g.article() + " " + g.lawVersion())
                                .distinct()
                                .toList()) {
                            expected.computeIfAbsent(a, x -> new long[3])[i]++;
                        }
                    }
                }
            }
        }
        var published = t.publishedArticles();
        assertTrue(published.keySet().equals(expected.keySet()), published.keySet() + " " + expected.keySet());
        for (var e : expected.entrySet()) {
            for (int i = 0; i < 3; i++) {
                long[] pre = CellKeyPerturbation.preimage(published.get(e.getKey())[i]);
                assertTrue(e.getValue()[i] >= pre[0] && e.getValue()[i] <= pre[1]);
            }
        }
    }

    private static List<SyntheticOffender> offenders(SyntheticCase k) {
        List<SyntheticOffender> all = new ArrayList<>(k.suspects());
        all.addAll(k.clients());
        return all;
    }

    /** The count, from the definitions in the README ("Exchange"). */
    static long[][] count(World world, int year, Measure m, Breakdown b) {
        long[][] out = new long[b.rows.size()][GlotipTables.FORMS.size()];
        for (SyntheticCase k : world.cases()) {
            int form = GlotipTables.FORMS.indexOf(form(k));
            if (m == Measure.VICTIMS) {
                if (k.openedOn().getYear() != year) {
                    continue;
                }
                for (SyntheticVictim v : k.victims()) {
                    Integer age = age(v.birthYear(), v.birthMonth(), k.openedOn());
                    out[b.rows.indexOf(row(b, v.gender().name(), age, v.nationality()))][form]++;
                }
                continue;
            }
            for (SyntheticOffender o : offenders(k)) {
                Optional<LocalDate> on = first(o, m, year);
                if (on.isPresent()) {
                    Integer age = age(o.birthYear(), null, on.get());
                    out[b.rows.indexOf(row(b, o.gender().name(), age, null))][form]++;
                }
            }
        }
        return out;
    }

    static Optional<LocalDate> first(SyntheticOffender o, Measure m, int year) {
        return o.steps().stream()
                .filter(s -> s.on().getYear() == year)
                .filter(s -> switch (m) {
                    case FORMAL_CONTACT -> s.stage() == Stage.IN_VIEW;
                    case PROSECUTED -> s.decision() == Decision.SUMMONS;
                    case CONVICTED -> s.verdict() == Verdict.CONVICTION;
                    case VICTIMS -> false;
                })
                .map(Proceedings.Step::on)
                .findFirst();
    }

    private static String form(SyntheticCase k) {
        if (k.exploitationForms().size() != 1) {
            return k.exploitationForms().isEmpty() ? "OTHER" : "MULTIPLE";
        }
        String f = k.exploitationForms().iterator().next();
        return f.equals("ORGAN_REMOVAL") ? "OTHER" : f;
    }

    private static Integer age(Integer birthYear, Integer birthMonth, LocalDate on) {
        if (birthYear == null) {
            return null;
        }
        LocalDate birth = LocalDate.of(birthYear, birthMonth == null ? 7 : birthMonth, birthMonth == null ? 1 : 15);
        return on.isBefore(birth) ? null : Period.between(birth, on).getYears();
    }

    private static String row(Breakdown b, String gender, Integer age, String nationality) {
        switch (b) {
            case CITIZENSHIP:
                return nationality == null ? "UNKNOWN" : nationality;
            case AGE_GROUP:
                if (age == null) {
                    return "UNKNOWN";
                }
                int[] bounds = {12, 18, 25, 35, 45, 55, 65};
                String[] names = {"0-11", "12-17", "18-24", "25-34", "35-44", "45-54", "55-64"};
                for (int i = 0; i < bounds.length; i++) {
                    if (age < bounds[i]) {
                        return names[i];
                    }
                }
                return "65+";
            default:
                if (age == null || !(gender.equals("FEMALE") || gender.equals("MALE"))) {
                    return "SEX_OR_AGE_UNKNOWN";
                }
                return gender.equals("FEMALE") ? (age < 18 ? "GIRLS" : "WOMEN") : (age < 18 ? "BOYS" : "MEN");
        }
    }
}
