package nl.ketenzicht.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a refused address names in the access log: the record before its first id, and nothing a client made up. */
class RefusalTargetTest {

    @Test
    void theRecordBeforeTheFirstIdIsTheTarget() {
        assertEquals(
                new RefusalLog.Target("case", 12L, "/api/cases/12/chain"),
                RefusalLog.Target.of(List.of("cases", "12", "chain")));
        assertEquals(
                new RefusalLog.Target("party", 7L, "/api/parties/7/care"),
                RefusalLog.Target.of(List.of("parties", "7", "care")));
        assertEquals(
                "party",
                RefusalLog.Target.of(List.of("audit", "subjects", "40")).type(),
                "the subject overview names a victim");
        assertEquals(
                "care-referral",
                RefusalLog.Target.of(List.of("care-referrals", "3")).type());
        assertEquals(
                "chain-event",
                RefusalLog.Target.of(List.of("chain-events", "3")).type());
    }

    @Test
    void otherAddressesAreNamedByTheirWordsOnly() {
        RefusalLog.Target t = RefusalLog.Target.of(List.of("admin", "users", "5"));
        assertEquals("admin/users", t.type());
        assertNull(t.id(), "an administrator's user id is no case record");
        RefusalLog.Target made = RefusalLog.Target.of(List.of("reference", "codes", "Jan Jansen <script>"));
        assertEquals("/api/reference/codes/*", made.path(), "a client's own text never reaches the log");
        assertEquals("reference/codes/*", made.type());
    }
}
