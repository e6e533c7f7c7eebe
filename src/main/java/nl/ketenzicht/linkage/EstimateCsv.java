package nl.ketenzicht.linkage;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import nl.ketenzicht.linkage.EstimateViews.CellView;
import nl.ketenzicht.linkage.EstimateViews.EstimateView;
import nl.ketenzicht.linkage.EstimateViews.IntervalView;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The estimate and its overlap table as one long CSV (section, item, value, lower, upper), for
 * spreadsheets. Every text cell is guarded against formula injection.
 */
final class EstimateCsv {

    private static final String[] HEADER = {"section", "item", "value", "lower", "upper"};

    private EstimateCsv() {}

    static String write(EstimateView v) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
            csv.printRecord((Object[]) HEADER);
            for (List<String> row : rows(v)) {
                csv.printRecord(row.stream().map(EstimateCsv::guard).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static List<List<String>> rows(EstimateView v) {
        List<List<String>> rows = new ArrayList<>();
        var s = v.selection();
        rows.add(
                List.of("selection", "period", s.from() == null ? "uploaded table" : s.from() + ".." + s.to(), "", ""));
        rows.add(List.of("selection", "region", s.region() == null ? "" : s.region(), "", ""));
        s.lists().forEach(l -> rows.add(List.of("list", l.code(), l.label(), "", "")));
        rows.add(List.of("overlap", "k", Integer.toString(v.overlap().k()), "", ""));
        for (CellView c : v.overlap().cells()) {
            rows.add(List.of("overlap", String.join("+", c.lists()), c.display(), "", ""));
        }
        rows.add(List.of("overlap", "observed", v.overlap().observed().display(), "", ""));
        v.models()
                .forEach(m -> rows.add(interval(
                        "model", m.model() + " [" + String.join(" ", m.terms()) + "]", m.populationSize(), m.ci())));
        var e = v.estimate();
        rows.add(interval("estimate", "N (model-conditional)", e.populationSize(), e.ci()));
        rows.add(interval("estimate", "N (BCa)", e.populationSize(), e.ciBca()));
        rows.add(List.of("estimate", "dark", number(e.dark()), "", ""));
        rows.add(interval("estimate", "share invisible (model-conditional)", e.shareInvisible(), e.shareInvisibleCi()));
        rows.add(interval("estimate", "share invisible (BCa)", e.shareInvisible(), e.shareInvisibleCiBca()));
        return rows;
    }

    private static List<String> interval(String section, String item, double value, IntervalView ci) {
        return List.of(
                section,
                item,
                number(value),
                ci == null ? "" : number(ci.lower()),
                ci == null ? "" : number(ci.upper()));
    }

    private static String number(double d) {
        return String.format(Locale.ROOT, "%.4f", d);
    }

    /** A cell that a spreadsheet would read as a formula is prefixed with a single quote. */
    static String guard(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return "'" + cell;
        }
        return cell;
    }
}
