package nl.ketenzicht.exchange;

import java.util.Arrays;

/**
 * Counts per long key in two primitive arrays (open addressing, linear probing, at most three quarters
 * full): no boxing, no entry objects, so counting a million records costs their keys' hashing and nothing
 * else, and a key takes 16 to 43 bytes (21 on average after growing). Key {@link Long#MIN_VALUE} marks a
 * free slot and cannot be counted (the packed codes are never negative).
 */
final class LongCounts {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private long[] counts;
    private int size;

    LongCounts() {
        this(1024);
    }

    /** Room for {@code expected} keys without growing. */
    LongCounts(int expected) {
        int capacity = 16;
        while (capacity * 3L / 4 < expected) {
            capacity <<= 1;
        }
        keys = new long[capacity];
        counts = new long[capacity];
        Arrays.fill(keys, FREE);
    }

    void add(long key, long n) {
        int slot = slot(key);
        if (keys[slot] == FREE) {
            keys[slot] = key;
            size++;
            if (size > keys.length * 3L / 4) {
                counts[slot] = n;
                grow();
                return;
            }
        }
        counts[slot] += n;
    }

    /** The count of the key, 0 when never counted. */
    long get(long key) {
        int slot = slot(key);
        return keys[slot] == FREE ? 0 : counts[slot];
    }

    int size() {
        return size;
    }

    /** Empties the counts, keeping the arrays (one map is reused for every node of the lattice). */
    void clear() {
        if (size > 0) {
            Arrays.fill(keys, FREE);
            Arrays.fill(counts, 0);
            size = 0;
        }
    }

    /** Every key with its count, in no particular order (callers sum or sort). */
    void forEach(Entry e) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != FREE) {
                e.accept(keys[i], counts[i]);
            }
        }
    }

    /** The keys, unordered. */
    long[] keys() {
        long[] out = new long[size];
        int j = 0;
        for (long k : keys) {
            if (k != FREE) {
                out[j++] = k;
            }
        }
        return out;
    }

    interface Entry {
        void accept(long key, long count);
    }

    private int slot(long key) {
        if (key == FREE) {
            throw new IllegalArgumentException("Long.MIN_VALUE marks a free slot");
        }
        int mask = keys.length - 1;
        long h = key * 0x9E3779B97F4A7C15L;
        int i = (int) (h ^ (h >>> 32)) & mask;
        while (keys[i] != FREE && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                counts[slot] = oldCounts[i];
            }
        }
    }
}
