package nl.ketenzicht.reports;

import static nl.ketenzicht.reports.stats.CellKeyPerturbation.publish;
import static nl.ketenzicht.reports.stats.CompetingObservation.censored;
import static nl.ketenzicht.reports.stats.CompetingObservation.competing;
import static nl.ketenzicht.reports.stats.CompetingObservation.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.reports.ReportViews.RegionRef;
import nl.ketenzicht.reports.stats.CellKeyPerturbation.Key;
import nl.ketenzicht.reports.stats.CompetingObservation;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

/** Measure 3's view and its downloads: what is shown, what is withheld, and labels and numbers in the files. */
class ThroughputIncidenceTest {

    /**
     * Per region, its counter rows (any keys: the published counts follow from them) with their reached, ended
     * and open: Amsterdam's 50 in two rows, the others in one.
     */
    private static final Map<String, Map<Long, long[]>> ROWS = Map.of(
            "AMS", Map.of(101L, new long[] {20, 6, 4}, 202L, new long[] {10, 4, 6}),
            "RDM", Map.of(404L, new long[] {2, 1, 1}),
            "DH", Map.of(707L, new long[] {7, 7, 0}));

    private static final Key AMS_PEOPLE = Key.row(101, 30).plus(Key.row(202, 20));
    private static final Key AMS_REACHED = Key.row(101, 20).plus(Key.row(202, 10));

    private static final List<RegionRef> REGIONS = List.of(
            new RegionRef("AMS", "Amsterdam"), new RegionRef("RDM", "Rotterdam"), new RegionRef("DH", "Den Haag"));
    private static final Map<String, String> CUT = ReportRequest.parse(Map.of()).describe();

    /** AMS: 30 reach OM inflow on days 10, 20, …, 300; 10 end on day 50; 10 still open on day 400. */
    private static List<CompetingObservation> amsterdam() {
        List<CompetingObservation> obs = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            obs.add(event(10 * i));
        }
        for (int i = 0; i < 10; i++) {
            obs.add(competing(50));
            obs.add(censored(400));
        }
        return obs;
    }

    private static ThroughputIncidence.View view(int k) {
        List<CompetingObservation> rdm = List.of(event(5), event(6), competing(7), censored(500));
        return ThroughputIncidence.build(
                Interval.IN_VIEW_TO_OM_INFLOW,
                CUT,
                REGIONS,
                Set.of("AMS", "RDM", "DH"),
                Map.of("AMS", amsterdam(), "RDM", rdm, "DH", denHaag()),
                ROWS,
                k,
                10);
    }

    /** DH: 7 reach OM inflow on days 100..106, after 7 ended on day 30. */
    private static List<CompetingObservation> denHaag() {
        List<CompetingObservation> dh = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            dh.add(event(100 + i));
            dh.add(competing(30));
        }
        return dh;
    }

    @Test
    void incidenceAtTheHorizonsMedianAndWithholding() {
        var v = view(5);
        var ams = v.rows().get(0);
        assertTrue(ams.shown());
        // Every count is perturbed by its cell key; people are the row total, keyed by the sum of the row's keys.
        assertEquals(
                publish(50, AMS_PEOPLE),
                ams.people().value(),
                "people: all records of each row, not the outcomes' keys joined");
        assertEquals(publish(30, AMS_REACHED), ams.reached().value());
        assertEquals(
                publish(10, Key.row(101, 6).plus(Key.row(202, 4))), ams.ended().value());
        assertEquals(
                publish(10, Key.row(101, 4).plus(Key.row(202, 6))), ams.open().value());
        // By day 90: events on days 10..90 (9); at day 50 the 10 endings. F(90) = sum over events of S(t-)/n(t):
        // days 10..50 (5 events): 1/50 each; day 50: S = 45/50 * (35/45)... computed independently:
        double f = 0;
        double s = 1;
        int n = 50;
        for (int day = 10; day <= 90; day += 10) {
            f += s / n;
            int ended = day == 50 ? 10 : 0;
            s *= (double) (n - 1 - ended) / n;
            n -= 1 + ended;
        }
        assertEquals(f, ams.horizons().get(0).incidence(), 1e-12, "F(90)");
        assertTrue(
                ams.horizons().get(0).lower95() < f && f < ams.horizons().get(0).upper95());
        assertEquals(90, ams.horizons().get(0).days());
        // All 30 events lie within follow-up; half of F(400) is reached at the 15th event (day 150), exactly, so
        // the median is the midpoint to the next event: 155 days, with 14 events before and 15 after (>= 10).
        assertEquals(155.0, ams.medianDays(), 1e-9);
        assertEquals(0.0, ams.curve().get(0).incidence());
        assertEquals(7, ams.curve().size(), "the start and a point after every 5 events: " + ams.curve());

        var rdm = v.rows().get(1);
        assertEquals(publish(2, 404) >= 5, rdm.shown(), "shown only on the published events, never on the true 2");
        assertEquals(publish(4, 404), rdm.people().value());
        assertTrue(
                rdm.horizons().stream().allMatch(h -> h.incidence() == null), "2 events: no incidence at any horizon");
        assertNull(rdm.medianDays());
        assertTrue(rdm.curve().size() <= 1, "no point after fewer than k events: " + rdm.curve());
        var withoutRotterdam = ThroughputIncidence.build(
                Interval.IN_VIEW_TO_OM_INFLOW,
                CUT,
                REGIONS,
                Set.of("AMS", "DH"),
                Map.of("AMS", amsterdam(), "DH", denHaag()),
                ROWS,
                5,
                10);
        var dh = withoutRotterdam.rows().get(1);
        assertTrue(dh.shown(), "DH: 7 reached, 7 ended");
        assertNull(dh.horizons().get(0).incidence(), "no events by day 90 in DH: fewer than k, withheld");
        assertNull(
                dh.horizons().get(1).incidence(),
                "nobody in DH was followed up to day 180 (last day 106): not estimable");
        assertEquals(2, dh.curve().size(), "the start and one point after 5 events; the last 2 events make no step");
        assertEquals(104.0, dh.curve().get(1).days());
        assertEquals(
                5.0 / 14, dh.curve().get(1).incidence(), 1e-12, "F(104) = 5/14: the 7 endings on day 30 do not move F");
        assertNull(dh.medianDays(), "7 events cannot put 10 on each side of a median");
        assertEquals(
                publish(68, AMS_PEOPLE.plus(Key.row(404, 4)).plus(Key.row(707, 14))),
                v.national().people().value());
        double national365 = v.national().horizons().get(2).incidence();
        assertTrue(
                national365 > 0 && national365 < 1,
                "the national row is always computed from everyone: " + national365);
    }

    @Test
    void exportsCarryLabelsAndNumbers() throws Exception {
        var x = new ThroughputExports(view(10), "nl", code -> code);
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        x.xlsx(xlsx);
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            List<Row> rows = wb.getFirstSheet().read();
            Row header = rows.stream()
                    .filter(r -> "Regio".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertEquals("Verdachten", header.getCellText(1));
            assertTrue(header.getCellText(5).contains("90 dagen"), header.getCellText(5));
            Row ams = rows.stream()
                    .filter(r -> "Amsterdam".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            Cell people = ams.getCell(1);
            assertEquals(CellType.NUMBER, people.getType(), "counts are numbers");
            assertEquals(publish(50, AMS_PEOPLE), people.asNumber().longValue());
            assertEquals(CellType.NUMBER, ams.getCell(8).getType(), "shares are numbers (F(180))");
            assertTrue(
                    ams.getCell(5) == null || ams.getCellText(5).isEmpty(),
                    "F(90) rests on 9 events, fewer than k = 10: empty");
            assertEquals(155, ams.getCell(14).asNumber().intValue(), "median days");
            Row rdm = rows.stream()
                    .filter(r -> "Rotterdam".equals(r.getCellText(0)))
                    .findFirst()
                    .orElseThrow();
            assertEquals(CellType.NUMBER, rdm.getCell(1).getType(), "a perturbed count is a number");
            assertEquals(publish(4, 404), rdm.getCell(1).asNumber().longValue());
            assertTrue(rows.stream().anyMatch(r -> "Nederland".equals(r.getCellText(0))));
            assertTrue(
                    rows.stream().anyMatch(r -> r.getCellText(1).equals("Van verdachte in beeld tot OM-instroom")),
                    "the interval by name");
        }
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new ThroughputExports(view(10), "en", code -> code).csv(csv);
        String text = csv.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Region,Suspects"), text);
        assertTrue(text.contains("Amsterdam," + publish(50, AMS_PEOPLE) + "," + publish(30, AMS_REACHED) + ","), text);
        assertFalse(text.contains("IN_VIEW_TO_OM_INFLOW"), "no internal codes: " + text);
        String html = new ThroughputExports(view(10), "nl", code -> code).html("nl");
        assertTrue(html.contains("<html lang=\"nl\">")
                && html.contains("Amsterdam")
                && html.contains("<th scope=\"col\">Regio</th>"));
        assertFalse(html.contains("IN_VIEW_TO_OM_INFLOW") || html.contains("POLICE_UNIT"), "labels, not codes");
    }
}
