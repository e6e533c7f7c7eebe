package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What {@link RequestFilter} refuses 400 as a malformed path, on the path as sent (still encoded). */
class MalformedPathTest {

    @Test
    void ordinaryPathsAndEscapesPass() {
        for (String ok : new String[] {
            "/", "/api/cases", "/api/cases/17/victims", "/app/case.html", "/api/cases/%31", "/a%20b", "/%C3%A9"
        }) {
            assertFalse(RequestFilter.malformedPath(ok), ok);
        }
    }

    @Test
    void encodedDotsSlashesBackslashesControlsAndBrokenEscapesAreRefused() {
        for (String bad : new String[] {
            "/api/%2e%2e/x",
            "/api/..%2Fx",
            "/api/..%2fx",
            "/api/%5Cx",
            "/api/x%00y",
            "/api/x%0a",
            "/api/x%7F",
            "/api/%zz",
            "/api/x%",
            "/api/x%4",
            "/api/x\\y",
            "/api/x\ty"
        }) {
            assertTrue(RequestFilter.malformedPath(bad), bad);
        }
    }
}
