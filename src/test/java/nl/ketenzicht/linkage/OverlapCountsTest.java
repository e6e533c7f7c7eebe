package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import nl.ketenzicht.security.OrganisationType;
import org.junit.jupiter.api.Test;

class OverlapCountsTest {

    private static final List<ListSpec> TYPES = List.of(
            new ListSpec("POLICE", "POLICE", OrganisationType.POLICE, null),
            new ListSpec("CARE", "CARE", OrganisationType.CARE, null));

    @Test
    void everyOrganisationTypeHasItsOwnBit() {
        assertEquals(
                Set.of(OrganisationType.values()),
                Set.copyOf(OverlapCounts.TYPES),
                "a type without a bit would be left out of the counts");
        assertEquals(OrganisationType.values().length, OverlapCounts.TYPES.size());
        assertEquals(8, OverlapCounts.TYPES.size(), "type_mask is a TINYINT UNSIGNED: at most 8 types");
    }

    @Test
    void maintainedCountsAnswerTypeListsOverAYearOrAQuarter() {
        assertArrayEquals(
                new int[] {2023, 0}, OverlapRepository.maintainedGrain(TYPES, range("2023-01-01", "2023-12-31")));
        assertArrayEquals(
                new int[] {2024, 1}, OverlapRepository.maintainedGrain(TYPES, range("2024-01-01", "2024-03-31")));
        assertArrayEquals(
                new int[] {2023, 4}, OverlapRepository.maintainedGrain(TYPES, range("2023-10-01", "2023-12-31")));
        assertNull(OverlapRepository.maintainedGrain(TYPES, range("2023-01-01", "2023-06-30")), "two quarters: scan");
        assertNull(OverlapRepository.maintainedGrain(TYPES, range("2022-01-01", "2023-12-31")), "two years: scan");
        List<ListSpec> named = List.of(TYPES.get(0), new ListSpec("org:7", "Zorg", OrganisationType.CARE, 7L));
        assertNull(
                OverlapRepository.maintainedGrain(named, range("2023-01-01", "2023-12-31")), "a named partner: scan");
    }

    private static EstimateRequests.DateRange range(String from, String to) {
        return new EstimateRequests.DateRange(LocalDate.parse(from), LocalDate.parse(to));
    }
}
