package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** The cut of measures 4–6 and the age groups it filters on. */
class VictimCutTest {

    @Test
    void ageGroupIsTheAgeWhenExploitationBeganElseAtOpening() {
        // born mid-May 2007: 14 on 1 May 2022, 16 on 1 June 2023
        assertEquals(AgeGroup.AGE_12_15, AgeGroup.of(2007, 5, LocalDate.of(2022, 5, 1), LocalDate.of(2023, 1, 1)));
        assertEquals(AgeGroup.AGE_16_17, AgeGroup.of(2007, 5, LocalDate.of(2023, 6, 1), LocalDate.of(2020, 1, 1)));
        assertEquals(AgeGroup.AGE_16_17, AgeGroup.of(2007, 5, null, LocalDate.of(2023, 6, 1)));
        assertEquals(AgeGroup.ADULT, AgeGroup.of(2007, 5, null, LocalDate.of(2025, 5, 15)));
        assertEquals(AgeGroup.AGE_16_17, AgeGroup.of(2007, 5, null, LocalDate.of(2025, 5, 14)));
        // without a month: 1 July
        assertEquals(AgeGroup.UNDER_12, AgeGroup.of(2010, null, LocalDate.of(2022, 6, 30), null));
        assertEquals(AgeGroup.AGE_12_15, AgeGroup.of(2010, null, LocalDate.of(2022, 7, 1), null));
        assertEquals(AgeGroup.UNKNOWN, AgeGroup.of(null, null, LocalDate.of(2022, 7, 1), null));
        assertEquals(AgeGroup.UNKNOWN, AgeGroup.of(2023, 1, LocalDate.of(2022, 7, 1), null));
    }

    @Test
    void ageGroupAndMunicipalityLevelAreAccepted() {
        VictimCut cut = VictimCut.parse(Map.of(
                "ageGroup",
                List.of("AGE_12_15"),
                "level",
                List.of("MUNICIPALITY"),
                "unit",
                List.of("AMS"),
                "year",
                List.of("2022")));
        assertEquals(AgeGroup.AGE_12_15, cut.ageGroup());
        assertEquals("municipality", cut.regionColumn());
        assertEquals(
                Map.of(
                        "from",
                        "2022-Q1",
                        "to",
                        "2022-Q4",
                        "level",
                        "MUNICIPALITY",
                        "unit",
                        "AMS",
                        "ageGroup",
                        "AGE_12_15"),
                cut.describe());
        VictimCut plain = VictimCut.parse(Map.of("level", List.of("COURT_DISTRICT")));
        assertNull(plain.ageGroup());
        assertEquals("court_district", plain.regionColumn());
    }

    @Test
    void everythingElseIsRefused() {
        for (Map<String, List<String>> q : List.of(
                Map.of("ageGroup", List.of("MINOR")),
                Map.of("level", List.of("MUNICIPALITY")),
                Map.of("unit", List.of("AMS")),
                Map.of("ageGroup", List.of("ADULT", "UNKNOWN")),
                Map.of("level", List.of("STREET")),
                Map.of("month", List.of("2022-03")))) {
            ProblemException e = assertThrows(ProblemException.class, () -> VictimCut.parse(q), q.toString());
            assertEquals(400, e.status());
        }
        VictimCut ams = VictimCut.parse(Map.of("level", List.of("MUNICIPALITY"), "unit", List.of("AMS")));
        assertEquals("AMS", ams.municipalitiesOf(), "whose unit it is, the regional scope decides (ReportsIT)");
    }

    @Test
    void durationsCensorWhatHasNotHappened() {
        LocalDate missing = LocalDate.of(2023, 1, 1);
        LocalDate today = LocalDate.of(2023, 3, 1);
        assertEquals(
                nl.ketenzicht.reports.stats.SurvivalObservation.event(3),
                VictimMeasures.Durations.toReport(missing, LocalDate.of(2023, 1, 4), null, today));
        assertEquals(
                nl.ketenzicht.reports.stats.SurvivalObservation.censored(10),
                VictimMeasures.Durations.toReport(missing, null, LocalDate.of(2023, 1, 11), today),
                "found before reported");
        assertEquals(
                nl.ketenzicht.reports.stats.SurvivalObservation.censored(59),
                VictimMeasures.Durations.until(missing, null, today));
        assertEquals(
                nl.ketenzicht.reports.stats.SurvivalObservation.event(0),
                VictimMeasures.Durations.until(missing, LocalDate.of(2022, 12, 30), today),
                "a date before the start counts as day 0");
    }
}
