package nl.ketenzicht.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private static LogEntry entry(long id, String actor) {
        return new LogEntry(
                id,
                Instant.ofEpochMilli(1_700_000_000_000L + id),
                actor,
                "u" + id,
                "CASEWORKER",
                7L,
                null,
                "READ",
                "R",
                "case",
                String.valueOf(id * 10),
                null,
                "SUCCESS",
                "127.0.0.1",
                null,
                false,
                "c-" + id,
                null);
    }

    /** A sealed chain of n entries, built the way the sealer builds it. */
    private static List<ChainVerifier.Link> chain(int n) {
        List<ChainVerifier.Link> links = new ArrayList<>();
        String previous = LogEntry.GENESIS;
        for (int i = 1; i <= n; i++) {
            LogEntry e = entry(i, "user:" + i);
            previous = e.chainHash(previous);
            links.add(new ChainVerifier.Link(new ChainVerifier.Seal(i, i, previous), e));
        }
        return links;
    }

    private static ChainVerifier.Result verify(List<ChainVerifier.Link> links) {
        return ChainVerifier.verify(links.iterator(), Set.of());
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerifier.Result r = verify(chain(5));
        assertTrue(r.intact(), r.problem());
        assertEquals(5, r.sealsChecked());
    }

    @Test
    void aChangedFieldIsFoundAtItsSeal() {
        List<ChainVerifier.Link> links = chain(5);
        LogEntry changed = entry(3, "user:99");
        links.set(2, new ChainVerifier.Link(links.get(2).seal(), changed));
        ChainVerifier.Result r = verify(links);
        assertFalse(r.intact());
        assertEquals(3L, r.brokenAtSeq());
    }

    @Test
    void aDeletedEntryIsFound() {
        List<ChainVerifier.Link> links = chain(5);
        links.set(1, new ChainVerifier.Link(links.get(1).seal(), null));
        assertEquals(2L, verify(links).brokenAtSeq());
    }

    @Test
    void aDeletedSealLeavesAGap() {
        List<ChainVerifier.Link> links = chain(5);
        links.remove(3);
        ChainVerifier.Result r = verify(links);
        assertFalse(r.intact());
        assertEquals(4L, r.brokenAtSeq());
    }

    @Test
    void swappedEntriesAreFound() {
        List<ChainVerifier.Link> links = chain(5);
        var a = links.get(1);
        var b = links.get(2);
        links.set(1, new ChainVerifier.Link(a.seal(), b.entry()));
        links.set(2, new ChainVerifier.Link(b.seal(), a.entry()));
        assertEquals(2L, verify(links).brokenAtSeq());
    }

    @Test
    void anEntrySlippedInWithoutASealIsFound() {
        ChainVerifier.Result r = ChainVerifier.verify(chain(3).iterator(), Set.of(42L));
        assertFalse(r.intact());
        assertEquals(42L, r.entryId());
    }

    @Test
    void aTruncatedTailIsFoundAgainstThePublishedAnchor() {
        List<ChainVerifier.Link> links = chain(5);
        var anchor = new ChainVerifier.Anchor(5, links.get(4).seal().hash());
        assertTrue(ChainVerifier.verify(links.iterator(), Set.of(), anchor).intact());
        links.remove(4);
        ChainVerifier.Result r = ChainVerifier.verify(links.iterator(), Set.of(), anchor);
        assertFalse(r.intact(), "entry and seal 5 removed together");
        assertEquals(5L, r.brokenAtSeq());
    }

    @Test
    void aRewrittenChainIsFoundAgainstThePublishedAnchor() {
        List<ChainVerifier.Link> original = chain(4);
        var anchor = new ChainVerifier.Anchor(4, original.get(3).seal().hash());
        List<ChainVerifier.Link> forged = new ArrayList<>();
        String previous = LogEntry.GENESIS;
        for (int i = 1; i <= 4; i++) {
            LogEntry e = entry(i, i == 2 ? "user:forged" : "user:" + i);
            previous = e.chainHash(previous);
            forged.add(new ChainVerifier.Link(new ChainVerifier.Seal(i, i, previous), e));
        }
        assertTrue(verify(forged).intact(), "a rewritten chain is consistent in itself");
        assertFalse(ChainVerifier.verify(forged.iterator(), Set.of(), anchor).intact(), "but not with the anchor");
    }

    @Test
    void theCanonicalFormSeparatesFieldsUnambiguously() {
        LogEntry a = new LogEntry(
                1,
                Instant.EPOCH,
                "ab",
                "c",
                null,
                null,
                null,
                "R",
                "R",
                "t",
                null,
                null,
                "S",
                null,
                null,
                false,
                null,
                null);
        LogEntry b = new LogEntry(
                1,
                Instant.EPOCH,
                "a",
                "bc",
                null,
                null,
                null,
                "R",
                "R",
                "t",
                null,
                null,
                "S",
                null,
                null,
                false,
                null,
                null);
        assertFalse(a.canonical().equals(b.canonical()), "moving a character between fields must change the form");
    }

    /** Entries sealed before owners were logged keep their hash; owners, once set, are part of it. */
    @Test
    void ownersJoinTheCanonicalFormOnlyWhenSet() {
        LogEntry before = new LogEntry(
                1,
                Instant.EPOCH,
                "user:1",
                null,
                null,
                7L,
                null,
                "READ",
                "R",
                "case",
                "5",
                null,
                "SUCCESS",
                null,
                null,
                false,
                null,
                null);
        assertEquals(
                "1:1|1:0|6:user:1|-1:|-1:|1:7|-1:|4:READ|1:R|4:case|1:5|-1:|7:SUCCESS|-1:|-1:|5:false|-1:|",
                before.canonical(),
                "the form of the 17 original fields, unchanged");
        LogEntry owned = new LogEntry(
                1,
                Instant.EPOCH,
                "user:1",
                null,
                null,
                7L,
                null,
                "READ",
                "R",
                "case",
                "5",
                null,
                "SUCCESS",
                null,
                null,
                false,
                null,
                "9");
        LogEntry otherOwner = new LogEntry(
                1,
                Instant.EPOCH,
                "user:1",
                null,
                null,
                7L,
                null,
                "READ",
                "R",
                "case",
                "5",
                null,
                "SUCCESS",
                null,
                null,
                false,
                null,
                "8");
        assertFalse(
                before.chainHash(LogEntry.GENESIS).equals(owned.chainHash(LogEntry.GENESIS)),
                "adding an owner changes the hash");
        assertFalse(
                owned.chainHash(LogEntry.GENESIS).equals(otherOwner.chainHash(LogEntry.GENESIS)),
                "changing the owner changes the hash");
    }
}
