package nl.ketenzicht.audit;

import java.util.Iterator;
import java.util.Set;

/**
 * Walks the seals in sequence order and reports the first broken link: a gap in the sequence, a seal
 * whose entry is gone, an entry whose content no longer matches its hash, or (after the walk) an entry
 * that was never sealed although it is older than the sealing grace period.
 */
public final class ChainVerifier {

    private ChainVerifier() {}

    public record Seal(long seq, long entryId, String hash) {}

    /**
     * A chain head published outside the database (in the server log, and kept in memory by the
     * sealer). Without it, someone who deletes the newest entries together with their seals, or
     * rewrites the whole chain, would leave a chain that is consistent in itself.
     */
    public record Anchor(long seq, String hash) {}

    /** A seal and the entry it points at, or null when that entry is gone. */
    public record Link(Seal seal, LogEntry entry) {}

    public record Result(boolean intact, long sealsChecked, Long brokenAtSeq, Long entryId, String problem) {
        static Result ok(long n) {
            return new Result(true, n, null, null, "The chain is intact.");
        }

        static Result broken(long n, Long seq, Long entry, String problem) {
            return new Result(false, n, seq, entry, problem);
        }
    }

    /**
     * @param links         every seal in ascending seq with its entry
     * @param staleUnsealed ids of entries without a seal that are older than the grace period
     */
    public static Result verify(Iterator<Link> links, Set<Long> staleUnsealed) {
        return verify(links, staleUnsealed, null);
    }

    public static Result verify(Iterator<Link> links, Set<Long> staleUnsealed, Anchor anchor) {
        String previous = LogEntry.GENESIS;
        long expectedSeq = 1;
        long checked = 0;
        while (links.hasNext()) {
            Link link = links.next();
            Seal seal = link.seal();
            if (seal.seq() != expectedSeq) {
                return Result.broken(
                        checked,
                        expectedSeq,
                        null,
                        "Seal " + expectedSeq + " is missing (next is " + seal.seq() + ").");
            }
            LogEntry entry = link.entry();
            if (entry == null) {
                return Result.broken(
                        checked,
                        seal.seq(),
                        seal.entryId(),
                        "Entry " + seal.entryId() + " sealed at " + seal.seq() + " is missing.");
            }
            String expected = entry.chainHash(previous);
            if (!expected.equals(seal.hash())) {
                return Result.broken(
                        checked,
                        seal.seq(),
                        seal.entryId(),
                        "Entry " + seal.entryId() + " does not match its hash at seal " + seal.seq() + ".");
            }
            if (anchor != null && seal.seq() == anchor.seq() && !seal.hash().equals(anchor.hash())) {
                return Result.broken(
                        checked,
                        seal.seq(),
                        seal.entryId(),
                        "The chain was rewritten: seal " + seal.seq() + " differs from the published anchor.");
            }
            previous = seal.hash();
            expectedSeq++;
            checked++;
        }
        if (anchor != null && checked < anchor.seq()) {
            return Result.broken(
                    checked,
                    checked + 1,
                    null,
                    "The log ends at seal " + checked + " but seal " + anchor.seq()
                            + " was published: its tail was removed.");
        }
        if (!staleUnsealed.isEmpty()) {
            Long first = staleUnsealed.stream().min(Long::compare).orElseThrow();
            return Result.broken(
                    checked,
                    null,
                    first,
                    "Entry " + first + " is in the log but was never sealed (inserted afterwards?).");
        }
        return Result.ok(checked);
    }
}
