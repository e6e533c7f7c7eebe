package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the browser front end that are cheaper here than in a browser: both languages
 * have the same texts, every text key a script uses exists, and nothing in the pages could run
 * under a strict CSP or insert user text as HTML.
 */
class FrontEndSourceTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    // t('key' — the text function, not get(' / post(' etc.
    private static final Pattern TEXT_CALL = Pattern.compile("(?<![\\w.])t\\('([^']+)'");
    private static final Pattern NAV_KEY = Pattern.compile("'(nav\\.[A-Za-z]+)'");

    @Test
    void dutchAndEnglishHaveTheSameNonEmptyTexts() {
        Map<String, String> nl = Messages.of("nl").orElseThrow();
        Map<String, String> en = Messages.of("en").orElseThrow();
        assertEquals(nl.keySet(), en.keySet(), "every text exists in both languages");
        nl.forEach((k, v) -> assertTrue(!v.isBlank(), "empty Dutch text " + k));
        en.forEach((k, v) -> assertTrue(!v.isBlank(), "empty English text " + k));
        assertEquals("Inloggen", nl.get("login.title"), "bundles are read as UTF-8 and Dutch is Dutch");
        assertEquals("Coördinator", nl.get("role.COORDINATOR"), "non-ASCII survives");
    }

    @Test
    void unknownLanguageIsAbsentRatherThanAFallback() {
        assertTrue(Messages.of("de").isEmpty());
        assertTrue(Messages.of("../etc").isEmpty());
    }

    @Test
    void everyTextKeyUsedInAScriptExists() {
        Set<String> known = Messages.of("nl").orElseThrow().keySet();
        Set<String> missing = new TreeSet<>();
        for (Path js : files(".js")) {
            String source = read(js);
            for (Pattern p : List.of(TEXT_CALL, NAV_KEY)) {
                Matcher m = p.matcher(source);
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(WEBAPP.relativize(js) + ": " + m.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "text keys without a text: " + missing);
    }

    @Test
    void pagesHaveNoInlineScriptStyleOrHandlers() {
        for (Path html : files(".html")) {
            String source = read(html);
            assertTrue(
                    !Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>")
                            .matcher(source)
                            .find(),
                    html + " has an inline script");
            assertTrue(
                    !Pattern.compile("\\sstyle=|<style", Pattern.CASE_INSENSITIVE)
                            .matcher(source)
                            .find(),
                    html + " has inline style");
            assertTrue(
                    !Pattern.compile("\\son[a-z]+=", Pattern.CASE_INSENSITIVE)
                            .matcher(source)
                            .find(),
                    html + " has an inline handler");
        }
    }

    @Test
    void scriptsNeverParseHtmlOrEvaluateCode() {
        Pattern dangerous = Pattern.compile(
                "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|setAttribute\\('style'|\\.style\\.");
        for (Path js : files(".js")) {
            Matcher m = dangerous.matcher(read(js));
            assertTrue(!m.find(), js + " uses " + (m.hitEnd() ? "" : m.group()));
        }
    }

    @Test
    void scriptsAppendThroughTheDomHelperSoThatAnAbsentPartIsLeftOut() {
        // Node.append(null) shows the word "null" on the page; dom.js's append leaves it out.
        Pattern nativeAppend = Pattern.compile("\\.append\\(");
        for (Path js : files(".js")) {
            if (!js.endsWith("dom.js")) {
                assertTrue(
                        !nativeAppend.matcher(read(js)).find(),
                        js + " calls Node.append; use append(el, ...) from dom.js");
            }
        }
    }

    @Test
    void scriptsUseRelativeUrlsOnly() {
        Pattern absolute = Pattern.compile("(fetch|get|post|put|del|request)\\([^)]*['`]/(api|ketenzicht)");
        for (Path js : files(".js")) {
            assertTrue(
                    !absolute.matcher(read(js)).find(),
                    js + " calls the API with an absolute path; the context root differs per deployment");
        }
    }

    private static List<Path> files(String suffix) {
        try (Stream<Path> s = Files.walk(WEBAPP)) {
            return s.filter(p -> p.toString().endsWith(suffix)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
