package nl.ketenzicht.exchange;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;

/**
 * The victims of an open release counted by their distinct rows: the quasi-identifiers' codes (packed as
 * {@link KAnonymity} packs them) in the low bits of a long, the attributes' codes above. The plan reads the
 * quasi-identifiers' counts merged from these; the file is written from them too: each distinct released
 * row is formatted once and written as often as it occurs. Memory: one count per distinct row (a slot of
 * 16 bytes in a table at most three quarters full), held twice while writing (the rows and the released
 * lines), so about 45 bytes per distinct row at most; distinct rows are at most the victims and at most the
 * product of the columns' code lists (559,352 for 1,045,204 victims at a million cases, bench/RESULTS.md).
 */
final class ReleaseCounts {

    private final KAnonymity anon =
            new KAnonymity(OpenRelease.K, OpenRelease.MAX_WITHHELD, OpenRelease.QUASI_IDENTIFIERS);
    private final Codes[] attributes = new Codes[OpenRelease.ATTRIBUTE_BITS.length];
    private final int[] shift = new int[attributes.length];
    private final long qiMask;
    private final LongCounts rows = new LongCounts(1 << 16);
    private long records;
    private boolean planned;

    ReleaseCounts() {
        int b = anon.bits();
        qiMask = (1L << b) - 1;
        for (int j = 0; j < attributes.length; j++) {
            attributes[j] = new Codes(OpenRelease.ATTRIBUTE_BITS[j]);
            shift[j] = b;
            b += OpenRelease.ATTRIBUTE_BITS[j];
        }
        if (b > 62) {
            throw new IllegalStateException("a release row's codes take " + b + " bits; 62 fit a key");
        }
    }

    void add(OpenRelease.Victim v) {
        long key = anon.key(OpenRelease.categories(v));
        List<String> a = OpenRelease.attributes(v);
        for (int j = 0; j < attributes.length; j++) {
            key |= (long) attributes[j].code(a.get(j)) << shift[j];
        }
        rows.add(key, 1);
        records++;
    }

    long records() {
        return records;
    }

    /** Distinct rows counted: what memory holds. */
    int distinctRows() {
        return rows.size();
    }

    /** Distinct combinations of the quasi-identifiers. */
    int combinations() {
        plan(false);
        return anon.combinations();
    }

    /** The k-anonymity plan over the counted rows. */
    KAnonymity.Plan plan() {
        return plan(true);
    }

    private KAnonymity.Plan plan(boolean search) {
        if (!planned) {
            rows.forEach((key, n) -> anon.add(key & qiMask, n));
            planned = true;
        }
        return search ? anon.plan() : null;
    }

    /** The file: header, then the released rows in their values' text order, column by column. */
    void write(KAnonymity.Plan plan, OutputStream out) throws IOException {
        int[] levels = plan.levels();
        int qis = levels.length;
        int columns = qis + attributes.length;
        int[] bits = new int[columns];
        int[][] ranks = new int[columns][];
        String[][] byRank = new String[columns][];
        for (int c = 0; c < columns; c++) {
            int q = c;
            int a = c - qis;
            boolean qi = c < qis;
            bits[c] = qi ? OpenRelease.QUASI_IDENTIFIERS.get(c).bits() : OpenRelease.ATTRIBUTE_BITS[a];
            ranks[c] = qi ? anon.ranks(c, levels[c]) : attributes[a].ranks();
            byRank[c] = new String[ranks[c].length];
            for (int code = 0; code < ranks[c].length; code++) {
                byRank[c][ranks[c][code]] = qi ? anon.value(q, levels[q], code) : attributes[a].value(code);
            }
        }
        // Released rows keyed by their values' ranks: sorting the keys sorts the rows.
        LongCounts lines = new LongCounts(rows.size());
        rows.forEach((key, n) -> {
            long g = anon.generalise(levels, key & qiMask);
            if (anon.classSize(plan, g) < OpenRelease.K) {
                return;
            }
            long sort = 0;
            for (int c = 0; c < columns; c++) {
                int code = c < qis ? anon.code(g, c) : attributeCode(key, c - qis);
                sort = (sort << bits[c]) | ranks[c][code];
            }
            lines.add(sort, n);
        });
        long[] order = lines.keys();
        Arrays.sort(order);
        BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write(line(OpenRelease.COLUMNS.toArray()));
        Object[] values = new Object[columns];
        for (long sort : order) {
            long rest = sort;
            for (int c = columns - 1; c >= 0; c--) {
                values[c] = byRank[c][(int) (rest & ((1L << bits[c]) - 1))];
                rest >>>= bits[c];
            }
            byte[] line = line(values);
            for (long n = lines.get(sort); n > 0; n--) {
                o.write(line);
            }
        }
        o.flush();
    }

    private int attributeCode(long key, int a) {
        return (int) (key >>> shift[a]) & ((1 << OpenRelease.ATTRIBUTE_BITS[a]) - 1);
    }

    /** One CSV record as RFC 4180 prints it (quoted where needed, CRLF). */
    private static byte[] line(Object[] values) throws IOException {
        StringBuilder b = new StringBuilder(96);
        CSVFormat.RFC4180.printRecord(b, values);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
