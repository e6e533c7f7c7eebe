package nl.ketenzicht.synthetic;

/**
 * Entry point of the synthetic-data generator. The same seed and spec give the same world, case for
 * case, on every machine: tests derive expected report figures from it, the demo loads it and the
 * benchmarks write it.
 */
public final class SyntheticWorld {

    private SyntheticWorld() {}

    /** A world with all its cases generated and held in memory. */
    public static World generate(long seed, Spec spec) {
        World world = new World(seed, spec);
        world.cases();
        return world;
    }

    /** A world whose cases are generated when streamed, for loads too large to hold. */
    public static World streaming(long seed, Spec spec) {
        return new World(seed, spec);
    }
}
