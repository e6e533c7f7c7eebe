package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The acceptance checks of measures 4–6, run from ReportsIT on its seeded world. */
final class VictimReportsCheck {

    static final List<VictimTruth.Cut> CUTS = List.of(
            new VictimTruth.Cut("POLICE_UNIT", 2000 * 4, 2100 * 4 + 3, null, null, null, null, null, ""),
            new VictimTruth.Cut(
                    "COURT_DISTRICT",
                    2022 * 4,
                    2022 * 4 + 3,
                    null,
                    null,
                    null,
                    null,
                    null,
                    "year=2022&level=COURT_DISTRICT"),
            new VictimTruth.Cut(
                    "PROSECUTION_OFFICE",
                    2021 * 4 + 1,
                    2023 * 4 + 3,
                    null,
                    "SEXUAL",
                    null,
                    "AGE_12_15",
                    null,
                    "from=2021-Q2&to=2023-Q4&level=PROSECUTION_OFFICE&form=SEXUAL&ageGroup=AGE_12_15"),
            new VictimTruth.Cut(
                    "POLICE_UNIT",
                    2000 * 4,
                    2100 * 4 + 3,
                    "AANGIFTE",
                    null,
                    "AVIM",
                    "AGE_16_17",
                    null,
                    "origin=AANGIFTE&team=AVIM&ageGroup=AGE_16_17"),
            new VictimTruth.Cut(
                    "MUNICIPALITY", 2000 * 4, 2100 * 4 + 3, null, null, null, null, "ON", "level=MUNICIPALITY&unit=ON"),
            new VictimTruth.Cut(
                    "MUNICIPALITY",
                    2022 * 4,
                    2023 * 4 + 3,
                    null,
                    null,
                    null,
                    null,
                    "AMS",
                    "from=2022-Q1&to=2023-Q4&level=MUNICIPALITY&unit=AMS"));

    private VictimReportsCheck() {}

    /** Every figure of measures 4–6 for every cut; returns how many rates and medians were shown. */
    static int allCuts(Api coordinator, VictimWorld world, int k) {
        int shown = 0;
        for (String measure : List.of("victims", "runaways", "care")) {
            for (VictimTruth.Cut cut : CUTS) {
                Api.Reply r =
                        coordinator.get("api/reports/" + measure + (cut.query().isEmpty() ? "" : "?" + cut.query()));
                assertEquals(200, r.status(), measure + " " + cut + ": " + r);
                VictimTruth truth = new VictimTruth(world.victims, cut, referenceDate(r.json()));
                shown += truth.check(r.json(), k, !cut.level().equals("MUNICIPALITY"));
                shown += r.json().findValues("medianDays").stream()
                        .filter(n -> !n.isNull())
                        .count();
                if (measure.equals("victims")) {
                    VictimTruth.assertLinkedTotals(r.json(), "victims", "victims_by_channel");
                    VictimTruth.assertLinkedTotals(r.json(), "aangifte_made", "heard_aangifte");
                }
                if (cut.level().equals("MUNICIPALITY")) {
                    r.json()
                            .get("regions")
                            .forEach(x ->
                                    assertTrue(x.get("code").asText().startsWith("GM"), "REST is never shown: " + x));
                }
            }
        }
        return shown;
    }

    /** Open episodes and waits are censored at the server's date, which the report states. */
    static LocalDate referenceDate(JsonNode report) {
        JsonNode d = report.at("/cut/referenceDate");
        return d.isMissingNode() ? LocalDate.now() : LocalDate.parse(d.asText());
    }

    static void regionalCoordinator(Api amsterdam, VictimWorld world, int k) {
        for (String measure : List.of("victims", "runaways", "care")) {
            Api.Reply r = amsterdam.get("api/reports/" + measure);
            assertEquals(200, r.status(), r.toString());
            for (JsonNode section : r.json().get("sections")) {
                for (JsonNode table : section.get("tables")) {
                    assertEquals(1, table.get("rows").size(), "only Amsterdam: " + table);
                    assertEquals("AMS", table.at("/rows/0/region").asText());
                    assertEquals("NL", table.at("/national/region").asText());
                }
            }
            new VictimTruth(world.victims, CUTS.get(0), referenceDate(r.json())).check(r.json(), k, false);
            Api.Reply municipalities = amsterdam.get("api/reports/" + measure + "?level=MUNICIPALITY&unit=AMS");
            assertEquals(200, municipalities.status(), municipalities.toString());
            new VictimTruth(
                            world.victims,
                            new VictimTruth.Cut(
                                    "MUNICIPALITY", 2000 * 4, 2100 * 4 + 3, null, null, null, null, "AMS", ""),
                            referenceDate(municipalities.json()))
                    .check(municipalities.json(), k, false);
            assertEquals(
                    403,
                    amsterdam
                            .get("api/reports/" + measure + "?level=MUNICIPALITY&unit=RDM")
                            .status(),
                    "another unit's municipalities");
        }
    }

    static void refusedCuts(Api coordinator) {
        for (String q : List.of(
                "ageGroup=MINOR",
                "level=MUNICIPALITY",
                "unit=AMS",
                "level=MUNICIPALITY&unit=NOPE",
                "level=STREET",
                "month=2022-03",
                "ageGroup=ADULT&ageGroup=UNKNOWN",
                "year=2022&quarter=2022-Q1")) {
            for (String measure : List.of("victims", "runaways", "care")) {
                Api.Reply r = coordinator.get("api/reports/" + measure + "?" + q);
                assertEquals(400, r.status(), measure + "?" + q + " must be refused: " + r);
            }
        }
    }

    /** CSV and XLSX carry the true figures, none in 1..k-1, and the same rows. */
    static void exports(Api coordinator, VictimWorld world, int k) throws Exception {
        for (String measure : List.of("victims", "runaways", "care")) {
            Api.Reply csv = coordinator.send(
                    "GET", "api/reports/" + measure + "/export.csv?year=2022", null, Map.of("Accept", "text/csv"));
            assertEquals(200, csv.status(), csv.toString());
            List<CSVRecord> records =
                    CSVFormat.RFC4180.parse(new StringReader(csv.body())).getRecords();
            String reference = records.stream()
                    .filter(r -> r.get(0).equals("#") && r.get(1).equals("referenceDate"))
                    .map(r -> r.get(2))
                    .findFirst()
                    .orElse(LocalDate.now().toString());
            VictimTruth truth = new VictimTruth(
                    world.victims,
                    new VictimTruth.Cut(
                            "POLICE_UNIT", 2022 * 4, 2022 * 4 + 3, null, null, null, null, null, "year=2022"),
                    LocalDate.parse(reference));
            GroundTruth counts = new GroundTruth(truth.byMetric);
            int compared = 0;
            for (CSVRecord row :
                    records.stream().filter(r -> !r.get(0).equals("#")).skip(1).toList()) {
                if (!row.get(0).equals("count")) {
                    continue;
                }
                counts.checkCount(row.get(1), row.get(2), row.get(3), Long.parseLong(row.get(4)));
                compared++;
            }
            assertTrue(compared > 0, measure + ": some counts are published");
            byte[] xlsx = ExportCheck.download(coordinator, "api/reports/" + measure + "/export.xlsx?year=2022");
            assertEquals(
                    records.stream().map(CSVRecord::toList).toList(), ExportCheck.xlsxRows(xlsx), "XLSX equals CSV");
        }
    }
}
