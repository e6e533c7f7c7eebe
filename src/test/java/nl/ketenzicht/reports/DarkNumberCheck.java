package nl.ketenzicht.reports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nl.ketenzicht.reports.attack.CellReading;
import nl.ketenzicht.reports.attack.DarkNumberAttack;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The dark number on screen and in its CSV export, attacked through its estimate. Under the legacy
 * reading the withheld overlap cells are enumerated (ranges from both publications intersected);
 * under perturbation the published N must follow from the published cells alone, so that it says
 * nothing the cells do not.
 */
final class DarkNumberCheck {

    record Outcome(boolean pinned, String summary) {}

    private final CellReading reading;
    private final int k;

    DarkNumberCheck(CellReading reading, int k) {
        this.reading = reading;
        this.k = k;
    }

    Outcome check(JsonNode estimate, String csv, long[] truth) throws Exception {
        List<String> lists = new ArrayList<>();
        estimate.at("/selection/lists").forEach(l -> lists.add(l.get("code").asText()));
        double n = estimate.at("/estimate/populationSize").asDouble();
        double threshold = estimate.get("threshold").asDouble();
        long[][] ranges = new long[1 << lists.size()][];
        Long[] published = new Long[ranges.length];
        for (JsonNode cell : estimate.at("/overlap/cells")) {
            int h = history(lists, cell.get("lists"));
            Long count = cell.get("count").isNull() ? null : cell.get("count").asLong();
            published[h] = count;
            ranges[h] = reading.overlapRange(count, cell.path("suppressed").asText(null), k);
        }
        JsonNode observedCell = estimate.at("/overlap/observed");
        Long observed = observedCell.get("count").isNull()
                ? null
                : observedCell.get("count").asLong();
        narrowByExport(csv, lists, ranges);
        DarkNumberAttack attack = new DarkNumberAttack(lists, threshold, 2_000_000);
        if (reading == CellReading.PERTURBED) {
            long[] counts = new long[ranges.length];
            for (int h = 1; h < counts.length; h++) {
                counts[h] = published[h];
            }
            double fromCells = attack.populationSize(counts);
            boolean reproducible = Math.abs(fromCells - n) <= 1e-6 * Math.max(1, n);
            return new Outcome(
                    !reproducible,
                    "dark number: published N " + n + ", N from the published cells " + fromCells
                            + (reproducible
                                    ? " (N adds nothing to the cells)"
                                    : " (N carries information beyond the cells)"));
        }
        int withheld =
                (int) Arrays.stream(published).skip(1).filter(c -> c == null).count();
        double[] figures = {
            n, number(estimate.at("/estimate/ci/lower")), number(estimate.at("/estimate/ci/upper")), Double.NaN
        };
        for (JsonNode m : estimate.get("models")) {
            if (m.get("model").asText().equals("main-effects")) {
                figures[3] = m.get("populationSize").asDouble();
            }
        }
        DarkNumberAttack.Result r = attack.attack(ranges, observed, figures, truth);
        String examples =
                r.examples().stream().map(Arrays::toString).limit(2).toList().toString();
        return new Outcome(
                r.pinned(),
                "dark number " + lists + ": " + withheld + " of " + (ranges.length - 1)
                        + " overlap cells withheld on screen; "
                        + r.fillings() + " fillings agree with screen and export"
                        + (r.exhausted() ? "" : " (search stopped)") + "; "
                        + r.reproducing() + " reproduce the published N = " + n + " exactly, " + r.rounded()
                        + " to whole persons, "
                        + r.matchingAll() + " also its interval and the main-effects N"
                        + (r.pinned() ? " — PINNED: only the true table " + Arrays.toString(truth) : "")
                        + "; true among them: " + r.truthAmong()
                        + "; e.g. " + examples);
    }

    /** The export uses k = 10: its withheld cells are wider, its shown cells exact; intersect with the screen. */
    private void narrowByExport(String csv, List<String> lists, long[][] ranges) throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        int kExport = rows.stream()
                .filter(r -> r.get(0).equals("overlap") && r.get(1).equals("k"))
                .map(r -> Integer.parseInt(r.get(2)))
                .findFirst()
                .orElse(10);
        for (CSVRecord row : rows) {
            if (!row.get(0).equals("overlap")
                    || row.get(1).equals("k")
                    || row.get(1).equals("observed")) {
                continue;
            }
            int h = 0;
            for (String code : row.get(1).split("\\+")) {
                h |= 1 << lists.indexOf(code);
            }
            String display = row.get(2);
            long[] r =
                    display.startsWith("<") ? reading.overlapRange(null, "PRIMARY", kExport) : reading.range(display);
            ranges[h] = new long[] {Math.max(ranges[h][0], r[0]), Math.min(ranges[h][1], r[1])};
        }
    }

    private static double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : Double.NaN;
    }

    private static int history(List<String> lists, JsonNode codes) {
        int h = 0;
        for (JsonNode c : codes) {
            h |= 1 << lists.indexOf(c.asText());
        }
        return h;
    }
}
