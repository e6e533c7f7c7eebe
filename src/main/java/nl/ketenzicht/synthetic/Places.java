package nl.ketenzicht.synthetic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 342 municipalities with their police unit and court district, read from the reference-data
 * migration itself so the generator can never drift from the schema's reference rows. Case counts
 * are Zipf-like within a unit (big cities first) and the big-city units are weighted up, so that
 * the largest unit has about 2.2 times the cases of the smallest.
 */
final class Places {

    static final String MIGRATION = "db/migration/V1_1_0__Create_regional_reference_data.sql";
    private static final Pattern ROW =
            Pattern.compile("\\('(GM\\d{4})', '((?:[^']|'')*)', '(?:[^']|'')*', '(\\w+)', '(\\w+)'");
    /** Relative case volume per police unit: the big-city units up, Limburg lowest. */
    private static final Map<String, Double> UNIT_WEIGHT = Map.of(
            "RDM", 15.1, "AMS", 12.6, "DH", 12.4, "ON", 12.0, "MN", 10.4, "NH", 8.6, "ZWB", 8.4, "OB", 7.6, "NN", 7.4,
            "LB", 6.9);
    /** The larger cities rank first within their unit; the rest follow in code order. */
    private static final List<String> BIG_CITIES = List.of(
            "GM0599", "GM0363", "GM0518", "GM0344", "GM0772", "GM0014", "GM0855", "GM0034", "GM0758", "GM0268",
            "GM0153", "GM0202", "GM0392", "GM0935", "GM0193", "GM0200", "GM0796", "GM0479", "GM0546", "GM0505",
            "GM0307", "GM0080", "GM0983", "GM0606", "GM0718", "GM0361");

    private static volatile Places instance;

    private final List<Municipality> municipalities;
    private final double[] weights;

    private Places(List<Municipality> municipalities) {
        this.municipalities = List.copyOf(municipalities);
        this.weights = weigh(this.municipalities);
    }

    static Places load() {
        Places p = instance;
        if (p == null) {
            p = new Places(parse(read(MIGRATION)));
            instance = p;
        }
        return p;
    }

    Municipality draw(Draw draw) {
        return municipalities.get(draw.weighted(weights));
    }

    List<Municipality> all() {
        return municipalities;
    }

    static List<Municipality> parse(String sql) {
        List<Municipality> list = new ArrayList<>();
        Matcher m = ROW.matcher(sql);
        while (m.find()) {
            list.add(new Municipality(m.group(1), m.group(2).replace("''", "'"), m.group(3), m.group(4)));
        }
        if (list.isEmpty()) {
            throw new IllegalStateException("no municipalities found in " + MIGRATION);
        }
        return list;
    }

    private static double[] weigh(List<Municipality> all) {
        Map<String, List<Municipality>> byUnit = new LinkedHashMap<>();
        all.forEach(m ->
                byUnit.computeIfAbsent(m.policeUnit(), u -> new ArrayList<>()).add(m));
        Map<String, Double> weight = new LinkedHashMap<>();
        byUnit.forEach((unit, list) -> {
            list.sort(Comparator.comparingInt(Places::rank).thenComparing(Municipality::code));
            double[] zipf = new double[list.size()];
            double sum = 0;
            for (int i = 0; i < zipf.length; i++) {
                zipf[i] = 1.0 / Math.pow(i + 1, 0.9);
                sum += zipf[i];
            }
            for (int i = 0; i < zipf.length; i++) {
                weight.put(list.get(i).code(), UNIT_WEIGHT.getOrDefault(unit, 5.0) * zipf[i] / sum);
            }
        });
        return all.stream().mapToDouble(m -> weight.get(m.code())).toArray();
    }

    private static int rank(Municipality m) {
        int i = BIG_CITIES.indexOf(m.code());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    static String read(String resource) {
        try (InputStream in = Places.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing class-path resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Set<String> units() {
        return UNIT_WEIGHT.keySet();
    }
}
