package nl.ketenzicht.linkage.mse;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Overlap table of t lists: a count for every observable capture history.
 *
 * <p>A history is a bit mask: bit i set means "on list i". All 2^t − 1 non-empty histories exist;
 * histories that were never supplied have count 0, because the model needs the zero cells too.
 */
public final class CaptureTable {

    /** Beyond this the 2^t cells make the design matrix impractically large. */
    public static final int MAX_LISTS = 12;

    private final List<String> lists;
    private final long[] counts;

    private CaptureTable(List<String> lists, long[] counts) {
        this.lists = List.copyOf(lists);
        this.counts = counts;
    }

    /**
     * @param countsByHistory array of length 2^t; element h is the count of history h (bit i = list i);
     *                        element 0 (the unobserved history) must be 0
     */
    public static CaptureTable fromHistoryCounts(List<String> lists, long[] countsByHistory) {
        validateLists(lists);
        if (countsByHistory.length != 1 << lists.size()) {
            throw new IllegalArgumentException(
                    "expected " + (1 << lists.size()) + " history counts, got " + countsByHistory.length);
        }
        if (countsByHistory[0] != 0) {
            throw new IllegalArgumentException("the all-zero history cannot be observed, its count must be 0");
        }
        for (long c : countsByHistory) {
            if (c < 0) {
                throw new IllegalArgumentException("counts must be non-negative, got " + c);
            }
        }
        return new CaptureTable(lists, countsByHistory.clone());
    }

    /**
     * Builds the table from counts keyed by the set of list names a case appears on, as the web
     * application derives them from registrations. Missing histories count 0.
     */
    public static CaptureTable fromCounts(List<String> lists, Map<Set<String>, Long> countsByListSet) {
        validateLists(lists);
        long[] counts = new long[1 << lists.size()];
        countsByListSet.forEach((set, count) -> counts[historyOf(lists, set)] += count);
        return fromHistoryCounts(lists, counts);
    }

    /** Reads the CSV format of the published MSE data sets (0/1 list columns, last column {@code count}). */
    public static CaptureTable parseCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseCsv(reader);
        }
    }

    public static CaptureTable parseCsv(Reader reader) throws IOException {
        return CaptureTableCsv.parse(reader);
    }

    public List<String> lists() {
        return lists;
    }

    public int listCount() {
        return lists.size();
    }

    /** Number of cells (observable histories), 2^t − 1. */
    public int historyCount() {
        return counts.length - 1;
    }

    public long count(int history) {
        return counts[history];
    }

    public long observed() {
        return Arrays.stream(counts).sum();
    }

    /** Cases seen on both lists i and j, whatever other lists they are on. */
    public long overlap(int i, int j) {
        int both = (1 << i) | (1 << j);
        long sum = 0;
        for (int h = 1; h < counts.length; h++) {
            if ((h & both) == both) {
                sum += counts[h];
            }
        }
        return sum;
    }

    /** Same lists, other counts: used for bootstrap and jackknife tables. */
    CaptureTable withCounts(long[] newCounts) {
        return new CaptureTable(lists, newCounts.clone());
    }

    long[] countsCopy() {
        return counts.clone();
    }

    private static int historyOf(List<String> lists, Set<String> set) {
        int h = 0;
        for (String name : set) {
            int i = lists.indexOf(name);
            if (i < 0) {
                throw new IllegalArgumentException("unknown list '" + name + "'");
            }
            h |= 1 << i;
        }
        return h;
    }

    private static void validateLists(List<String> lists) {
        if (lists.size() < 2) {
            throw new IllegalArgumentException("at least 2 lists are needed, got " + lists.size());
        }
        if (lists.size() > MAX_LISTS) {
            throw new IllegalArgumentException("at most " + MAX_LISTS + " lists are supported, got " + lists.size());
        }
        if (new HashSet<>(lists).size() != lists.size()) {
            throw new IllegalArgumentException("list names must be unique: " + lists);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaptureTable other && lists.equals(other.lists) && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return 31 * lists.hashCode() + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "CaptureTable" + lists + " observed=" + observed();
    }
}
