package nl.ketenzicht.linkage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkerTest {

    private final Keyer keyer = new Keyer(KeyerTest.SECRET);

    @Test
    void overlapTableOfLinkedRegistrationsEqualsTheGroundTruth() {
        for (long seed = 1; seed <= 5; seed++) {
            var population =
                    new SyntheticRegistrations(seed, 0.3).generate(3000, new double[] {0.2, 0.3, 0.15, 0.25}, 2023, 3);
            assertArrayEquals(
                    population.trueCountsByHistory(),
                    linkedCounts(population.registrations(), 4),
                    "seed " + seed + ": with typos in one part per person, the variants must recover every person");
        }
    }

    @Test
    void theFullKeyAloneMissesTheTypos() {
        var population = new SyntheticRegistrations(7, 0.3).generate(2000, new double[] {0.3, 0.3}, 2023, 1);
        long persons = population.registrations().stream()
                .map(r -> keyer.keysOf(r.identity()).full())
                .distinct()
                .count();
        long truePersons = population.registrations().stream()
                .mapToInt(SyntheticRegistrations.Registration::person)
                .distinct()
                .count();
        assertTrue(
                persons > truePersons,
                "the typos are real: the full key alone over-counts (" + persons + " > " + truePersons + ")");
    }

    @Test
    void linkingIsTransitiveAndNamesThePersonByItsFirstRegistration() {
        Linker linker = new Linker();
        assertEquals(Optional.empty(), linker.add(keys("a", "b", "c", "d")));
        assertEquals(Optional.empty(), linker.add(keys("e", "f", "g", "h")));
        assertEquals(
                Optional.of(KeyVariant.NO_FIRST_NAME),
                linker.add(keys("x", "b", "g", "y")),
                "shares NO_FIRST_NAME with 0 and NO_FAMILY_NAME with 1: the strongest variant is reported");
        assertEquals(0, linker.person(1), "registration 2 joined 0 and 1 into one person");
        assertEquals(0, linker.person(2));
        assertEquals(Optional.of(KeyVariant.FULL), linker.add(keys("a", "1", "2", "3")));
    }

    @Test
    void reportsWhichVariantLinkedEachTypo() {
        var population = new SyntheticRegistrations(3, 0.5).generate(500, new double[] {0.5, 0.5, 0.5}, 2023, 1);
        Linker linker = new Linker();
        Map<KeyVariant, Integer> byVariant = new HashMap<>();
        population
                .registrations()
                .forEach(r ->
                        linker.add(keyer.keysOf(r.identity())).ifPresent(v -> byVariant.merge(v, 1, Integer::sum)));
        assertTrue(
                Arrays.stream(KeyVariant.values()).allMatch(byVariant::containsKey),
                "every variant linked some registrations: " + byVariant);
    }

    private static LinkageKeys keys(String... parts) {
        String[] hex = Arrays.stream(parts)
                .map(p -> nl.ketenzicht.security.Secrets.sha256(p))
                .toArray(String[]::new);
        return new LinkageKeys(hex[0], hex[1], hex[2], hex[3]);
    }

    /** The system's way: keys, union-find, then one history per person. */
    private long[] linkedCounts(List<SyntheticRegistrations.Registration> registrations, int lists) {
        Linker linker = new Linker();
        registrations.forEach(r -> linker.add(keyer.keysOf(r.identity())));
        Map<Integer, Integer> historyByPerson = new HashMap<>();
        for (int i = 0; i < registrations.size(); i++) {
            historyByPerson.merge(linker.person(i), 1 << registrations.get(i).list(), (a, b) -> a | b);
        }
        long[] counts = new long[1 << lists];
        historyByPerson.values().forEach(h -> counts[h]++);
        return counts;
    }
}
