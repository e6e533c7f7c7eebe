package nl.ketenzicht.synthetic;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A generated world: its organisations and its cases. Case {@code i} depends only on the seed, the
 * spec and {@code i}, so a world can be held in memory (tests compute expected report figures from
 * it) or streamed case by case (a million cases need not fit in the heap).
 */
public final class World {

    private final long seed;
    private final Spec spec;
    private final CaseGenerator generator;
    private volatile List<SyntheticCase> cases;

    World(long seed, Spec spec) {
        this.seed = seed;
        this.spec = spec;
        this.generator = new CaseGenerator(seed, spec);
    }

    public long seed() {
        return seed;
    }

    public Spec spec() {
        return spec;
    }

    public List<SyntheticOrganisation> organisations() {
        return spec.organisations();
    }

    public int size() {
        return spec.cases();
    }

    public SyntheticCase caseAt(int index) {
        List<SyntheticCase> held = cases;
        return held != null ? held.get(index) : generator.generate(index);
    }

    /** All cases, generated once and then kept. */
    public List<SyntheticCase> cases() {
        List<SyntheticCase> held = cases;
        if (held == null) {
            held = IntStream.range(0, spec.cases())
                    .parallel()
                    .mapToObj(generator::generate)
                    .toList();
            cases = held;
        }
        return held;
    }

    /** The cases in index order, from memory if held, else generated on the fly. */
    public Stream<SyntheticCase> stream() {
        List<SyntheticCase> held = cases;
        return held != null ? held.stream() : IntStream.range(0, spec.cases()).mapToObj(generator::generate);
    }
}
