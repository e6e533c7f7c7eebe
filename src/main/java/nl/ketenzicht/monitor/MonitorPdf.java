package nl.ketenzicht.monitor;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.monitor.MonitorViews.CalendarRow;
import nl.ketenzicht.monitor.MonitorViews.Figure;
import nl.ketenzicht.monitor.MonitorViews.MonitorView;
import nl.ketenzicht.monitor.MonitorViews.Part;
import nl.ketenzicht.monitor.MonitorViews.RegionFigure;
import nl.ketenzicht.monitor.MonitorViews.Section;
import nl.ketenzicht.monitor.MonitorViews.TrendPoint;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.web.Messages;

/**
 * The monitor as a PDF, rendered on the server by openhtmltopdf (PDFBox) from the same {@link MonitorView}
 * as the page: the same figures, intervals, sentences and withheld marks ("x"), each chart's figures as its
 * table. Tagged for accessibility (PDF/UA: structure tree, document language, title) with an embedded font.
 */
final class MonitorPdf {

    private final MonitorView view;
    private final Map<String, String> texts;
    private final MonitorSentences format;

    MonitorPdf(MonitorView view) {
        this.view = view;
        this.texts = Messages.of(view.language()).orElseThrow();
        this.format = new MonitorSentences(view.language(), view.regions());
    }

    void write(OutputStream out) {
        try {
            nl.ketenzicht.shared.Pdf.render(html(), out);
        } catch (IOException e) {
            throw new UncheckedIOException("The monitor's PDF could not be written", e);
        }
    }

    byte[] bytes() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(256 * 1024);
        write(out);
        return out.toByteArray();
    }

    static final String STYLE =
            "@page { size: A4; margin: 18mm 15mm; } body { font-family: 'DejaVu Sans'; font-size: 9.5pt; } "
                    + "h1 { font-size: 18pt; } h2 { font-size: 13pt; margin-top: 14pt; page-break-after: avoid; } h3 { font-size: 10.5pt; } "
                    + "table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; page-break-inside: auto; } "
                    + "th, td { border: 0.5pt solid #777; padding: 2pt 4pt; text-align: left; } td.n { text-align: right; } "
                    + "caption { text-align: left; font-weight: bold; padding: 2pt 0; } p.figure { font-size: 14pt; font-weight: bold; margin: 2pt 0; }";

    String html() {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"")
                .append(view.language())
                .append("\"><head><meta charset=\"utf-8\"/>")
                .append("<title>")
                .append(esc(t("monitor.title") + " " + view.year()))
                .append("</title>")
                .append("<meta name=\"subject\" content=\"")
                .append(esc(t("monitor.intro")))
                .append("\"/>")
                .append("<style>")
                .append(STYLE)
                .append("</style></head><body>");
        h.append("<h1>").append(esc(t("monitor.title") + " " + view.year())).append("</h1>");
        h.append("<p>")
                .append(esc(t(view.yearClosed() ? "monitor.yearClosed" : "monitor.yearOpen", view.year())))
                .append(' ');
        if (view.unit() != null) {
            h.append(esc(t("monitor.unitNote", name(view.unit())))).append(' ');
        }
        h.append(esc(t("report.suppressionNote", view.k()))).append("</p>");
        for (Section s : view.sections()) {
            section(h, s);
        }
        calendar(h);
        return h.append("</body></html>").toString();
    }

    private void section(StringBuilder h, Section s) {
        String title = t("monitor." + s.id() + ".title");
        h.append("<h2>").append(esc(title)).append("</h2>");
        h.append("<p class=\"figure\">")
                .append(esc(t("monitor.figure.national") + " " + view.year() + ": " + value(s.kind(), s.national())))
                .append("</p><p>")
                .append(esc(interval(s.kind(), s.national())))
                .append("</p>");
        if (view.unit() != null) {
            h.append("<p class=\"figure\">")
                    .append(esc(t("monitor.figure.unit", view.unit()) + " " + view.year() + ": "
                            + value(s.kind(), s.unit())))
                    .append("</p><p>")
                    .append(esc(interval(s.kind(), s.unit())))
                    .append("</p>");
        }
        if ("suspectsOm".equals(s.id())) {
            h.append("<p>")
                    .append(esc(
                            s.target() == null ? t("monitor.noTarget") : t("monitor.target", format.count(s.target()))))
                    .append("</p>");
        }
        h.append("<p>").append(esc(s.sentence())).append("</p>");
        boolean own = view.unit() != null;
        table(
                h,
                t("monitor.trend.table", title),
                List.of(
                        t("monitor.trend.year"),
                        own ? t("monitor.figure.unit", view.unit()) : t("monitor.trend.value"),
                        t("monitor.trend.interval"),
                        t("monitor.trend.target")),
                s.trend().stream()
                        .map((TrendPoint p) -> List.of(
                                Integer.toString(p.year()),
                                value(s.kind(), own ? p.unit() : p.national()),
                                interval(s.kind(), own ? p.unit() : p.national()),
                                p.target() == null ? "–" : format.count(p.target())))
                        .toList());
        List<RegionFigure> regions = new java.util.ArrayList<>(s.regions());
        regions.add(new RegionFigure(Figures.NATIONAL, s.national()));
        table(
                h,
                t("monitor.regions.table", title),
                List.of(t("report.region"), t("monitor.trend.value"), t("monitor.trend.interval")),
                regions.stream()
                        .map(r ->
                                List.of(name(r.region()), value(s.kind(), r.figure()), interval(s.kind(), r.figure())))
                        .toList());
        if (!s.parts().isEmpty()) {
            table(
                    h,
                    t("monitor.parts.table", title),
                    List.of(t("monitor.parts"), t("monitor.figure.national"), t("monitor.trend.interval")),
                    s.parts().stream()
                            .map((Part p) -> List.of(
                                    t("monitor.part." + p.id()),
                                    value(p.kind(), p.national()),
                                    interval(p.kind(), p.national())))
                            .toList());
        }
        h.append("<h3>")
                .append(esc(t("monitor.cannotTell")))
                .append("</h3><p>")
                .append(esc(s.cannotTell()))
                .append("</p>");
    }

    private void calendar(StringBuilder h) {
        var c = view.calendar();
        h.append("<h2>")
                .append(esc(t("monitor.calendar.title")))
                .append("</h2><p>")
                .append(esc(t("monitor.calendar.intro") + " "
                        + t(c.fixed() ? "monitor.calendar.fixed" : "monitor.calendar.open") + " "
                        + t("monitor.calendar.openingNote")))
                .append("</p>");
        table(
                h,
                t("monitor.calendar.table", c.year()),
                List.of(t("monitor.calendar.event"), t("monitor.calendar.byEvent"), t("monitor.calendar.byOpening")),
                c.rows().stream()
                        .map((CalendarRow r) -> List.of(
                                t("report.metric." + r.event()),
                                value("COUNT", r.byEventYear()),
                                value("COUNT", r.byOpeningYear())))
                        .toList());
    }

    private void table(StringBuilder h, String caption, List<String> header, List<List<String>> rows) {
        h.append("<table><caption>").append(esc(caption)).append("</caption><thead><tr>");
        header.forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("</tr></thead><tbody>");
        for (List<String> row : rows) {
            h.append("<tr><th scope=\"row\">").append(esc(row.get(0))).append("</th>");
            row.subList(1, row.size())
                    .forEach(c -> h.append("<td class=\"n\">").append(esc(c)).append("</td>"));
            h.append("</tr>");
        }
        h.append("</tbody></table>");
    }

    /** The figure as the page shows it; "x" when withheld. */
    String value(String kind, Figure f) {
        if (f == null || f.value() == null) {
            return "x";
        }
        return switch (kind) {
            case "COUNT" -> format.count(Math.round(f.value()));
            case "DAYS" -> t("monitor.days", format.days(f.value()));
            case "PER_FTE" -> t("monitor.perFte", format.perFte(f.value()));
            case "DIFFERENCE" -> t("monitor.points", format.points(f.value()));
            default -> format.percent(f.value());
        };
    }

    String interval(String kind, Figure f) {
        if (f == null || f.value() == null || f.lower() == null || f.upper() == null) {
            return "–";
        }
        return t(
                "monitor.interval",
                value(kind, new Figure(f.lower(), null, null, null, null)),
                value(kind, new Figure(f.upper(), null, null, null, null)));
    }

    private String name(String code) {
        if (Figures.NATIONAL.equals(code)) {
            return t("report.national");
        }
        return view.regions().stream()
                .filter(r -> r.code().equals(code))
                .map(RegionRef::name)
                .findFirst()
                .orElse(code);
    }

    private String t(String key, Object... params) {
        String text = texts.getOrDefault(key, key);
        for (int i = 0; i < params.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(params[i]));
        }
        return text;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
