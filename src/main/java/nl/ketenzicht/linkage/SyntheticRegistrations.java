package nl.ketenzicht.linkage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.parties.Gender;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Generated registrations with known ground truth, for tests, the coverage study and the benchmark.
 * Each of N true persons is on list i with probability p_i (independently), and a list that meets a
 * person registers them once or, now and then, twice. Each registration types the person's data its
 * own way (case, accents, "van der"/"v.d."/"Berg, van der") and some carry a typo.
 *
 * <p>The typos are chosen so that the key variants must still link every registration of a person
 * and never link two persons: each person has one fragile part (first name, family name or day of
 * birth) and only that part is ever mistyped; names are unique per person and a name typo inserts a
 * 'q', a letter the generated names never contain, so a mistyped name can never equal another
 * person's name.
 */
public final class SyntheticRegistrations {

    /** One generated registration: who it really is, on which list, and what the partner typed. */
    public record Registration(int person, int list, Identity identity, LocalDate registeredOn, int unit) {}

    /** Truth and registrations of one simulated population. */
    public record Population(int persons, List<Registration> registrations, long[] trueCountsByHistory) {}

    private static final String[] FIRST_SYLLABLES = {
        "an", "be", "ca", "da", "el", "fi", "ja", "ke", "li", "ma", "no", "pi", "ro", "sa", "ti", "va", "wi", "yo",
        "ze", "lu"
    };
    private static final String[] FAMILY_SYLLABLES = {
        "berg", "dijk", "hof", "kamp", "laan", "meer", "veld", "wijk", "bos", "broek", "haar", "horst", "sten", "man",
        "ink", "ers", "ing", "rop", "tel", "dal"
    };
    private static final String[] PREFIXES = {"van der ", "van ", "de ", "ter ", "in 't "};
    private static final double DUPLICATE_RATE = 0.1;

    private final MersenneTwister random;
    private final double typoRate;

    public SyntheticRegistrations(long seed, double typoRate) {
        this.random = new MersenneTwister(seed);
        this.typoRate = typoRate;
    }

    /** @param units police units (regions) the registrations are spread over, numbered 0..units-1 */
    public Population generate(int persons, double[] captureProbabilities, int year, int units) {
        List<Registration> registrations = new ArrayList<>();
        long[] truth = new long[1 << captureProbabilities.length];
        for (int p = 0; p < persons; p++) {
            Person person = person(p, year, units);
            int history = 0;
            for (int list = 0; list < captureProbabilities.length; list++) {
                if (random.nextDouble() < captureProbabilities[list]) {
                    history |= 1 << list;
                    int times = random.nextDouble() < DUPLICATE_RATE ? 2 : 1;
                    for (int t = 0; t < times; t++) {
                        registrations.add(
                                new Registration(p, list, person.typed(this), registeredOn(year), person.unit));
                    }
                }
            }
            truth[history]++;
        }
        truth[0] = 0; // persons on no list are the dark figure: real, but never observed
        return new Population(persons, registrations, truth);
    }

    private Person person(int index, int year, int units) {
        LocalDate born = LocalDate.of(year - 12 - random.nextInt(10), 1, 1).plusDays(random.nextInt(365));
        String prefix = random.nextDouble() < 0.3 ? PREFIXES[random.nextInt(PREFIXES.length)] : "";
        return new Person(
                encode(index, FIRST_SYLLABLES),
                prefix,
                encode(index, FAMILY_SYLLABLES),
                born,
                random.nextBoolean() ? Gender.FEMALE : Gender.MALE,
                random.nextInt(3),
                random.nextInt(units));
    }

    private LocalDate registeredOn(int year) {
        return LocalDate.of(year, 1, 1).plusDays(random.nextInt(365));
    }

    /** A name unique to the index: its digits in base 20, one syllable per digit. */
    static String encode(int index, String[] syllables) {
        StringBuilder name = new StringBuilder(syllables[index % syllables.length]);
        for (int rest = index / syllables.length; rest > 0; rest /= syllables.length) {
            name.append(syllables[rest % syllables.length]);
        }
        return name.toString();
    }

    private record Person(
            String first, String prefix, String family, LocalDate born, Gender gender, int fragilePart, int unit) {

        Identity typed(SyntheticRegistrations g) {
            boolean typo = g.random.nextDouble() < g.typoRate;
            String f = typo && fragilePart == 0 ? g.insertQ(first) : first;
            String fam = typo && fragilePart == 1 ? g.insertQ(family) : family;
            LocalDate b = typo && fragilePart == 2 ? g.otherDaySameYear(born) : born;
            return new Identity(g.restyle(f), g.restyleFamily(prefix, fam), b, gender);
        }
    }

    private String insertQ(String name) {
        int at = random.nextInt(name.length() + 1);
        return name.substring(0, at) + "q" + name.substring(at);
    }

    private LocalDate otherDaySameYear(LocalDate born) {
        LocalDate other = born.withDayOfYear(1 + random.nextInt(born.lengthOfYear()));
        return other.equals(born) ? born.withDayOfYear(born.getDayOfYear() == 1 ? 2 : 1) : other;
    }

    /** Case and accents as partners type them; all fold to the same text. */
    private String restyle(String name) {
        String styled = switch (random.nextInt(3)) {
            case 0 -> name;
            case 1 -> name.toUpperCase(java.util.Locale.ROOT);
            default -> Character.toUpperCase(name.charAt(0)) + name.substring(1);
        };
        return random.nextBoolean() ? styled.replace("e", "é").replace("a", "ä") : styled;
    }

    private String restyleFamily(String prefix, String family) {
        String main = restyle(family);
        if (prefix.isEmpty()) {
            return random.nextDouble() < 0.1 ? " " + main + " " : main;
        }
        return switch (random.nextInt(4)) {
            case 0 -> prefix + main;
            case 1 -> prefix.toUpperCase(java.util.Locale.ROOT) + main;
            case 2 -> main + ", " + prefix.trim();
            default -> prefix.replace("van der ", "v.d. ").replace("in 't ", "in t ") + main;
        };
    }
}
