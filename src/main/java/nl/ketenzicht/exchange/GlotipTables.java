package nl.ketenzicht.exchange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.ExchangeCase.Step;
import nl.ketenzicht.reports.stats.KeyedTable;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;

/**
 * The figures of the UNODC GLOTIP questionnaire and Eurostat's trafficking data collection for one year,
 * counted person by person from the cases: persons in formal contact with the police (suspects and clients
 * whose first chain step, in view, lies in the year), prosecuted (the OM's summons in the year), convicted
 * (a first-instance conviction in the year), and victims detected (the victims of the cases opened in the
 * year). Each is broken down by sex and age (GLOTIP's girls, boys, women, men), by Eurostat's age groups
 * and by citizenship, against the form of exploitation of the case; the articles charged are counted per
 * article and law version. A person counts once per table, at the first such step in the year, with the age
 * on that day (victims: on the case's opening). Every cell is published by the reports' cell keys, each
 * person carrying the key of the case's report_funnel row, so a cell holding the same persons as a report
 * cell has its figure.
 */
public final class GlotipTables {

    /** The measures, one sheet each. */
    public enum Measure {
        FORMAL_CONTACT,
        PROSECUTED,
        CONVICTED,
        VICTIMS
    }

    /** The breakdowns, the rows of a measure's tables. */
    public enum Breakdown {
        SEX_AGE(List.of("GIRLS", "BOYS", "WOMEN", "MEN", "SEX_OR_AGE_UNKNOWN")),
        AGE_GROUP(List.of("0-11", "12-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65+", "UNKNOWN")),
        CITIZENSHIP(List.of("NL", "EU", "NON_EU", "UNKNOWN"));

        public final List<String> rows;

        Breakdown(List<String> rows) {
            this.rows = rows;
        }
    }

    /** The columns: the case's form of exploitation (a case with more than one form is its own column). */
    public static final List<String> FORMS =
            List.of("SEXUAL", "LABOUR", "CRIMINAL", "ORGAN_REMOVAL", "OTHER", "MULTIPLE");

    /** The offenders' measures, the columns of the articles table. */
    public static final List<Measure> OFFENDER_MEASURES =
            List.of(Measure.FORMAL_CONTACT, Measure.PROSECUTED, Measure.CONVICTED);

    private final int year;
    private final Map<Measure, Map<Breakdown, KeyedTable>> tables = new LinkedHashMap<>();
    private final Map<Measure, Map<Breakdown, long[][]>> truth = new LinkedHashMap<>();
    /** "article lawVersion" → per offender measure, base row key → persons. */
    private final Map<String, List<Map<Long, Long>>> articles = new TreeMap<>();

    public GlotipTables(int year) {
        this.year = year;
        for (Measure m : Measure.values()) {
            Map<Breakdown, KeyedTable> byBreakdown = new LinkedHashMap<>();
            Map<Breakdown, long[][]> counts = new LinkedHashMap<>();
            for (Breakdown b : Breakdown.values()) {
                byBreakdown.put(b, new KeyedTable(b.rows.size(), FORMS.size()));
                counts.put(b, new long[b.rows.size()][FORMS.size()]);
            }
            tables.put(m, byBreakdown);
            truth.put(m, counts);
        }
    }

    public int year() {
        return year;
    }

    /** Counts the case's persons. */
    public void add(ExchangeCase k) {
        int form = FORMS.indexOf(OpenRelease.form(k.forms()));
        for (Person p : k.persons()) {
            if (p.victim()) {
                if (k.openedOn().getYear() == year) {
                    count(Measure.VICTIMS, p, p.ageOn(k.openedOn()), form, k.cellKey());
                }
                continue;
            }
            for (Measure m : OFFENDER_MEASURES) {
                LocalDate on = firstIn(m, p);
                if (on != null) {
                    count(m, p, p.ageOn(on), form, k.cellKey());
                    for (String article : p.charges().stream()
                            .map(g -> g.article() + " " + g.lawVersion())
                            .distinct()
                            .toList()) {
                        articles.computeIfAbsent(article, a -> newRows())
                                .get(OFFENDER_MEASURES.indexOf(m))
                                .merge(k.cellKey(), 1L, Long::sum);
                    }
                }
            }
        }
    }

    private static List<Map<Long, Long>> newRows() {
        List<Map<Long, Long>> rows = new ArrayList<>();
        for (int i = 0; i < OFFENDER_MEASURES.size(); i++) {
            rows.add(new java.util.HashMap<>());
        }
        return rows;
    }

    /** The day of the person's first step of the measure in the year, or null. */
    LocalDate firstIn(Measure m, Person p) {
        for (Step s : p.steps()) {
            if (s.on().getYear() != year) {
                continue;
            }
            boolean counts = switch (m) {
                case FORMAL_CONTACT -> s.stage().equals("IN_VIEW");
                case PROSECUTED -> "SUMMONS".equals(s.decision());
                case CONVICTED -> "CONVICTION".equals(s.verdict());
                case VICTIMS -> false;
            };
            if (counts) {
                return s.on();
            }
        }
        return null;
    }

    private void count(Measure m, Person p, Integer age, int form, long key) {
        for (Breakdown b : Breakdown.values()) {
            int row = b.rows.indexOf(row(b, p, age));
            tables.get(m).get(b).add(row, form, key, 1);
            truth.get(m).get(b)[row][form]++;
        }
    }

    static String row(Breakdown b, Person p, Integer age) {
        return switch (b) {
            case SEX_AGE -> {
                boolean female = "FEMALE".equals(p.gender());
                boolean male = "MALE".equals(p.gender());
                if (age == null || !(female || male)) {
                    yield "SEX_OR_AGE_UNKNOWN";
                }
                yield age < 18 ? (female ? "GIRLS" : "BOYS") : (female ? "WOMEN" : "MEN");
            }
            case AGE_GROUP -> ageGroup(age);
            case CITIZENSHIP -> p.nationality() == null ? "UNKNOWN" : p.nationality();
        };
    }

    static String ageGroup(Integer age) {
        if (age == null) {
            return "UNKNOWN";
        }
        if (age < 18) {
            return age < 12 ? "0-11" : "12-17";
        }
        if (age >= 65) {
            return "65+";
        }
        int lower = age < 25 ? 18 : 25 + (age - 25) / 10 * 10;
        return lower == 18 ? "18-24" : lower + "-" + (lower + 9);
    }

    /** The published table of the measure and breakdown (cells, row, column and grand totals). */
    public SuppressedTwoWayTable published(Measure m, Breakdown b) {
        return tables.get(m).get(b).publish();
    }

    /** The true counts (never published; the tests compare them with an independent count). */
    long[][] trueCounts(Measure m, Breakdown b) {
        return truth.get(m).get(b);
    }

    /** The articles charged, each with its published count per offender measure. */
    public Map<String, long[]> publishedArticles() {
        Map<String, long[]> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Map<Long, Long>>> e : articles.entrySet()) {
            KeyedTable t = new KeyedTable(1, OFFENDER_MEASURES.size());
            for (int i = 0; i < OFFENDER_MEASURES.size(); i++) {
                for (Map.Entry<Long, Long> r : e.getValue().get(i).entrySet()) {
                    t.add(0, i, r.getKey(), r.getValue());
                }
            }
            SuppressedTwoWayTable p = t.publish();
            long[] counts = new long[OFFENDER_MEASURES.size()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = value(p.cells().get(0).get(i));
            }
            out.put(e.getKey(), counts);
        }
        return out;
    }

    static long value(nl.ketenzicht.reports.stats.Cell cell) {
        return cell instanceof nl.ketenzicht.reports.stats.Cell.Count c ? c.value() : 0;
    }
}
