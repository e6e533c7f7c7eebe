package nl.ketenzicht.reports.aggregates;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VictimCountsTest {

    private static final List<Object> DIMS =
            List.of("GM0363", "AMS", "AMS", "AMS", 2022, 3, "AANGIFTE", "AVIM", "SEXUAL", "AGE_12_15");

    @Test
    void aVictimCountsOnceInEveryColumnItBelongsTo() {
        var fact = new VictimCounts.Fact(DIMS, true, true, "BEFORE_AND_DURING", "FAMILY", "LOYALTY,SHAME", "GGZ,LVB");
        assertEquals(
                List.of(
                        "victims",
                        "aangifte_made",
                        "declined",
                        "heard_before_and_during",
                        "heard_made_before_and_during",
                        "channel_family",
                        "marker_lvb",
                        "marker_ggz",
                        "reason_loyalty",
                        "reason_shame"),
                counted(fact));
    }

    @Test
    void noHearingNoMarkersAndCodesWithoutAColumn() {
        var fact = new VictimCounts.Fact(DIMS, false, false, "NO_HEARING", "CARRIER_PIGEON", "", "");
        assertEquals(
                List.of("victims", "channel_unknown", "marker_none"),
                counted(fact),
                "NO_HEARING is not a hearing, an unknown channel counts as UNKNOWN, no markers as NONE");
        var unknownOnly = new VictimCounts.Fact(DIMS, false, false, "NONE", "UNKNOWN", "NOT_LISTED", "NOT_LISTED");
        assertEquals(
                List.of("victims", "heard_none", "channel_unknown"),
                counted(unknownOnly),
                "codes outside the lists are ignored, as the report ignores them, and a marker set is not NONE");
    }

    @Test
    void everyVictimCountsInItsRegionalAndItsMunicipalRow() {
        Map<List<Object>, long[]> cells = new VictimCounts.Fact(DIMS, false, false, "NONE", "PEER", "", "").cells();
        List<Object> regional = new ArrayList<>(DIMS);
        regional.set(0, "");
        assertEquals(List.of(regional, DIMS), List.copyOf(cells.keySet()));
    }

    private static List<String> counted(VictimCounts.Fact fact) {
        long[] n = fact.counts();
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < n.length; i++) {
            if (n[i] != 0) {
                assertEquals(1, n[i], VictimCounts.COUNTS.get(i));
                columns.add(VictimCounts.COUNTS.get(i));
            }
        }
        return columns;
    }
}
