package nl.ketenzicht.synthetic;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws of the generator. Every case gets its own stream, seeded from the world seed and
 * the case's index, so a case is the same whether a world is generated whole or streamed in chunks.
 */
final class Draw {

    private final SplittableRandom random;

    Draw(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A stream for one item of a world; mixing (rather than adding) keeps neighbouring streams apart. */
    static Draw forItem(long worldSeed, long index) {
        return new Draw(mix(worldSeed ^ mix(index + 0x632BE59BD9B4E019L)));
    }

    /** The finaliser of MurmurHash3: spreads every input bit over the whole word. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
        z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
        return z ^ (z >>> 33);
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    double uniform() {
        return random.nextDouble();
    }

    int between(int fromInclusive, int toInclusive) {
        return fromInclusive + random.nextInt(toInclusive - fromInclusive + 1);
    }

    /** Exponentially distributed whole days with the given mean, at least {@code min}. */
    int days(double mean, int min) {
        return min + (int) Math.round(-mean * Math.log(1 - random.nextDouble()));
    }

    LocalDate plusDays(LocalDate from, int fromInclusive, int toInclusive) {
        return from.plusDays(between(fromInclusive, toInclusive));
    }

    /** An index drawn with the given (not necessarily normalised) weights. */
    int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A count with the given probabilities for 0, 1, 2, ... */
    int count(double... probabilities) {
        return weighted(probabilities);
    }

    /** 1 + a geometric number of extras with the given mean, capped: heavy-ish tails of client counts. */
    int oneOrMore(double meanExtra, int cap) {
        double p = 1 / (1 + meanExtra);
        int n = 1;
        while (n < cap && random.nextDouble() >= p) {
            n++;
        }
        return n;
    }
}
