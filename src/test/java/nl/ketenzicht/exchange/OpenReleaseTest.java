package nl.ketenzicht.exchange;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.exchange.GlotipTables.Breakdown;
import nl.ketenzicht.exchange.GlotipTables.Measure;
import nl.ketenzicht.reports.stats.SuppressedTwoWayTable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Acceptance 3 of issue 21 on a synthetic world: an independent count of the released file finds no
 * combination of quasi-identifiers with fewer than 11 records, the file is the same on every run, and
 * joining it with the published GLOTIP victim tables pins no record.
 */
class OpenReleaseTest {

    static final int QIS = OpenRelease.QUASI_IDENTIFIERS.size();
    static final List<ExchangeCase> CASES = SyntheticExchange.cases(SyntheticExchange.world(2015, 2000));

    @Test
    void everyCombinationOfQuasiIdentifiersHoldsElevenRecordsOrMore() throws Exception {
        List<ExchangeCase> cases = CASES;
        Release r = release(cases);
        Map<List<String>, Integer> classes = new HashMap<>();
        for (CSVRecord row : r.rows) {
            List<String> qi = new ArrayList<>();
            for (int i = 0; i < QIS; i++) {
                qi.add(row.get(i));
            }
            classes.merge(qi, 1, Integer::sum);
        }
        int smallest =
                classes.values().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(smallest >= OpenRelease.K, "smallest combination: " + smallest);
        long victims = cases.stream()
                .flatMap(k -> k.persons().stream())
                .filter(p -> p.victim())
                .count();
        assertEquals(victims, r.plan.records());
        assertEquals(r.plan.released(), r.rows.size());
        assertTrue(r.plan.withheld() <= OpenRelease.MAX_WITHHELD * victims, "withheld " + r.plan.withheld());
        assertEquals(classes.size(), r.plan.classes());
        assertEquals(smallest, r.plan.smallestClass());
        assertEquals(OpenRelease.COLUMNS, r.rows.get(0).getParser().getHeaderNames());
        // Reproducible: the same cases give the same bytes.
        assertArrayEquals(r.bytes, release(cases).bytes);
    }

    @Test
    void aSmallWorldIsGeneralisedFurtherAndWithholdsWhatStaysBelowK() throws Exception {
        List<ExchangeCase> cases = SyntheticExchange.cases(SyntheticExchange.world(7, 150));
        Release r = release(cases);
        int generalised = 0;
        for (int level : r.plan.levels()) {
            generalised += level;
        }
        assertTrue(generalised > 0, "150 cases cannot be released at the finest level");
        Map<List<String>, Integer> classes = new HashMap<>();
        for (CSVRecord row : r.rows) {
            classes.merge(row.toList().subList(0, QIS), 1, Integer::sum);
        }
        assertTrue(classes.values().stream().allMatch(n -> n >= OpenRelease.K), classes.toString());
    }

    /**
     * Nine records, k = 3. Classes per node (a, b): (0,0) x|x1 3, x|x2 3, y|x1 2, y|y1 1 → 3 withheld, height 0;
     * (0,1) x|x 6, y|x 2, y|y 1 → 3; (0,2) x 6, y 3 → 0, height 0.5; (1,0) x1 5, x2 3, y1 1 → 1, height 0.5;
     * (1,1) x 8, y 1 → 1; (1,2) 9 → 0, height 1.
     */
    @Test
    void theLatticeSearchFindsTheLeastGeneralisedPlanWithinTheSuppressionBudget() {
        // No withholding allowed (10% of 9 < 1): (0,2), which ties with (1,0) on height but withholds less.
        KAnonymity strict = nine(0.1);
        KAnonymity.Plan plan = strict.plan();
        assertArrayEquals(new int[] {0, 2}, plan.levels());
        assertEquals(0, plan.withheld());
        assertEquals(2, plan.classes());
        assertEquals(3, plan.smallestClass());
        assertEquals(List.of("y", "*"), strict.release(plan, List.of("y", "y1")));
        // A third may be withheld: the finest node, which withholds the three records of y.
        KAnonymity lenient = nine(0.34);
        KAnonymity.Plan p = lenient.plan();
        assertArrayEquals(new int[] {0, 0}, p.levels());
        assertEquals(3, p.withheld());
        assertEquals(null, lenient.release(p, List.of("y", "y1")));
        assertEquals(List.of("x", "x2"), lenient.release(p, List.of("x", "x2")));
    }

    /** The pruned search (bottom up, skipping generalisations of a node within budget) picks what trying every node picks. */
    @Test
    void thePrunedSearchChoosesWhatTryingEveryNodeChooses() throws Exception {
        for (List<ExchangeCase> cases : List.of(CASES, SyntheticExchange.cases(SyntheticExchange.world(7, 150)))) {
            List<List<String>> records = new ArrayList<>();
            OpenRelease.of(source(cases)).forEach(v -> records.add(OpenRelease.categories(v)));
            for (double share : new double[] {0, 0.01, OpenRelease.MAX_WITHHELD, 0.2}) {
                KAnonymity anon = new KAnonymity(OpenRelease.K, share, OpenRelease.QUASI_IDENTIFIERS);
                records.forEach(anon::add);
                KAnonymity.Plan plan = anon.plan();
                long[] expected = everyNode(records, share);
                String what = records.size() + " records, share " + share;
                assertArrayEquals(
                        java.util.Arrays.copyOf(expected, QIS),
                        java.util.Arrays.stream(plan.levels()).asLongStream().toArray(),
                        what);
                assertEquals(expected[QIS], plan.withheld(), what);
                assertEquals(expected[QIS + 1], plan.classes(), what);
            }
        }
    }

    /** The search as first written: every node of the lattice in lattice order, classes as maps of strings. */
    private static long[] everyNode(List<List<String>> records, double share) {
        List<KAnonymity.Hierarchy> qis = OpenRelease.QUASI_IDENTIFIERS;
        int[] top = qis.stream().mapToInt(KAnonymity.Hierarchy::top).toArray();
        long[] best = null;
        double bestLoss = Double.MAX_VALUE;
        for (int[] node : KAnonymity.nodes(top)) {
            Map<List<String>, Long> classes = new HashMap<>();
            for (List<String> r : records) {
                List<String> g = new ArrayList<>();
                for (int i = 0; i < QIS; i++) {
                    g.add(qis.get(i).at(node[i], r.get(i)));
                }
                classes.merge(g, 1L, Long::sum);
            }
            long withheld = classes.values().stream()
                    .filter(n -> n < OpenRelease.K)
                    .mapToLong(n -> n)
                    .sum();
            long kept =
                    classes.values().stream().filter(n -> n >= OpenRelease.K).count();
            if (withheld > share * records.size() && !java.util.Arrays.equals(node, top)) {
                continue;
            }
            double loss = 0;
            for (int i = 0; i < QIS; i++) {
                loss += (double) node[i] / top[i];
            }
            loss /= QIS;
            if (best == null || loss < bestLoss || (loss == bestLoss && withheld < best[QIS])) {
                best = java.util.Arrays.copyOf(
                        java.util.Arrays.stream(node).asLongStream().toArray(), QIS + 2);
                best[QIS] = withheld;
                best[QIS + 1] = kept;
                bestLoss = loss;
            }
        }
        return best; // levels, then withheld and classes
    }

    /** Rows come sorted by their values, so the file does not follow the cases' order (nor tell it). */
    @Test
    void theFileIsSortedAndDoesNotDependOnTheOrderOfTheCases() throws Exception {
        List<ExchangeCase> reversed = new ArrayList<>(CASES);
        java.util.Collections.reverse(reversed);
        Release r = release(CASES);
        assertArrayEquals(r.bytes, release(reversed).bytes);
        List<String> lines =
                new String(r.bytes, StandardCharsets.UTF_8).lines().skip(1).toList();
        List<String> sorted = new ArrayList<>(lines);
        sorted.sort(java.util.Comparator.comparing(l -> List.of(l.split(",", -1)), OpenReleaseTest::byColumns));
        assertEquals(sorted, lines);
    }

    private static int byColumns(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    private static CaseSource source(List<ExchangeCase> cases) {
        return sink -> {
            for (ExchangeCase k : cases) {
                sink.accept(k);
            }
        };
    }

    private static KAnonymity nine(double share) {
        KAnonymity.Hierarchy a = new KAnonymity.Hierarchy("a", List.of(v -> "*"));
        KAnonymity.Hierarchy b = new KAnonymity.Hierarchy("b", List.of(v -> v.substring(0, 1), v -> "*"));
        KAnonymity anon = new KAnonymity(3, share, List.of(a, b));
        for (String[] r : new String[][] {
            {"x", "x1"},
            {"x", "x1"},
            {"x", "x1"},
            {"x", "x2"},
            {"x", "x2"},
            {"x", "x2"},
            {"y", "x1"},
            {"y", "x1"},
            {"y", "y1"}
        }) {
            anon.add(List.of(r));
        }
        return anon;
    }

    /** The published GLOTIP victim tables of each year joined with the release: no cell narrows a record to fewer than k. */
    @Test
    void joiningTheReleaseWithThePublishedTablesPinsNoRecord() throws Exception {
        List<ExchangeCase> cases = CASES;
        Release r = release(cases);
        int cellsJoined = 0;
        List<String> pinned = new ArrayList<>();
        for (int year = 2015; year <= 2025; year++) {
            GlotipTables t = new GlotipTables(year);
            cases.forEach(t::add);
            for (Breakdown b : List.of(Breakdown.SEX_AGE, Breakdown.CITIZENSHIP)) {
                SuppressedTwoWayTable published = t.published(Measure.VICTIMS, b);
                for (int row = 0; row < b.rows.size(); row++) {
                    for (int f = 0; f < GlotipTables.FORMS.size(); f++) {
                        long p = GlotipTables.value(published.cell(row, f));
                        if (p == 0) {
                            continue;
                        }
                        int n = 0;
                        for (CSVRecord rec : r.rows) {
                            if (compatible(rec, year, b, b.rows.get(row), GlotipTables.FORMS.get(f))) {
                                n++;
                            }
                        }
                        cellsJoined++;
                        if (n > 0 && n < OpenRelease.K) {
                            pinned.add(year + " " + b + " " + b.rows.get(row) + " " + GlotipTables.FORMS.get(f) + ": "
                                    + n);
                        }
                    }
                }
            }
        }
        assertTrue(cellsJoined > 100, "cells joined: " + cellsJoined);
        assertEquals(List.of(), pinned);
    }

    /** Could the released record be counted in the cell? Written from the release's documented hierarchies. */
    private static boolean compatible(CSVRecord rec, int year, Breakdown b, String row, String form) {
        String y = rec.get("year");
        boolean inYear = y.equals("*")
                || (y.contains("-")
                        ? year >= Integer.parseInt(y.substring(0, 4)) && year <= Integer.parseInt(y.substring(5))
                        : Integer.parseInt(y) == year);
        String e = rec.get("exploitation");
        boolean inForm = e.equals("*")
                || e.equals(form)
                || (e.equals("SEXUAL") && form.equals("SEXUAL"))
                || (e.equals("NOT_ONLY_SEXUAL") && !form.equals("SEXUAL"));
        boolean inRow;
        if (b == Breakdown.CITIZENSHIP) {
            String c = rec.get("citizenship");
            inRow = c.equals("*") || c.equals(row) || (c.equals("NOT_NL") && !row.equals("NL"));
        } else {
            String sex = rec.get("sex");
            inRow = switch (row) {
                case "GIRLS", "WOMEN" -> sex.equals("F") || sex.equals("*");
                case "BOYS", "MEN" -> sex.equals("M") || sex.equals("*");
                default -> true;
            };
        }
        return inYear && inForm && inRow;
    }

    record Release(KAnonymity.Plan plan, List<CSVRecord> rows, byte[] bytes) {}

    static Release release(List<ExchangeCase> cases) throws Exception {
        ReleaseCounts counts = OpenRelease.count(OpenRelease.of(source(cases)));
        KAnonymity.Plan plan = counts.plan();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        counts.write(plan, out);
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .build()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords();
        assertTrue(Set.of(0, 1, 2, 3).contains(plan.levels()[1]));
        return new Release(plan, rows, out.toByteArray());
    }
}
