package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Every kind of server refusal, triggered in Chromium, reads in the user's language: field errors of
 * two fields at once with their labels, a refused chain rule, a stale edit (412), 403, 409 and 503,
 * a refused dark-number estimate and a malformed upload. In Dutch no word of the server's English
 * messages appears on the page, in English no word of the Dutch texts; axe finds no violations.
 */
@ExtendWith(ArquillianExtension.class)
class ServerMessagesIT {

    private static final Pattern WORD = Pattern.compile("\\p{L}{4,}");
    /** Collects the problem documents the page receives, for the English words they carry. */
    private static final String RECORD_PROBLEMS =
            "if (!window.__kzProblems) { window.__kzProblems = []; const f = window.fetch;"
                    + " window.fetch = async (...a) => { const r = await f(...a);"
                    + " if ((r.headers.get('Content-Type') || '').includes('problem')) r.clone().json().then((p) => window.__kzProblems.push(p)).catch(() => {});"
                    + " return r; }; }";
    /** Shows a real API refusal the way every form and page does (errorText), for statuses no form can provoke. */
    private static final String PROBE = "const [path, done] = [arguments[0], arguments[arguments.length - 1]];"
            + " Promise.all([import('./js/api.js'), import('./js/forms.js')]).then(async ([api, forms]) => {"
            + " document.getElementById('kz-probe')?.remove();"
            + " try { await api.get(path); done('no refusal'); } catch (e) {"
            + " const p = document.createElement('p'); p.id = 'kz-probe'; p.className = 'error-message';"
            + " p.textContent = forms.errorText(e); document.getElementById('main').appendChild(p); done(e.status); } });";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private Scenario scenario;
    private final List<JsonNode> problems = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();

    @Test
    void everyRefusalReadsInTheUsersLanguage() throws Exception {
        scenario = new Scenario(base);
        long police = scenario.organisation("POLICE", "AMS");
        long national = scenario.organisation("NATIONAL", null);
        String caseworker =
                scenario.createUserOnly("CASEWORKER", police).get("username").asText();
        String coordinator =
                scenario.createUserOnly("COORDINATOR", national).get("username").asText();
        Api worker = scenario.login(caseworker, Scenario.PASSWORD);
        scenario.login(coordinator, Scenario.PASSWORD);

        Map<String, Map<String, String>> shown = new LinkedHashMap<>();
        try (Browser b = Browser.open(base, "server-messages")) {
            for (String lang : List.of("nl", "en")) {
                shown.put(lang, refusals(b, lang, caseworker, coordinator, worker));
            }
        }
        Set<String> english = englishOfServer();
        Set<String> dutch = minus(
                words(problemTexts("nl")),
                words(String.join(" ", Messages.of("en").orElseThrow().values())));
        assertTrue(
                english.contains("greater") || english.contains("least"), "the server's English is known: " + english);
        shown.get("nl")
                .forEach((what, text) -> assertTrue(
                        intersect(words(text), english).isEmpty(),
                        "Dutch page after " + what + " shows English " + intersect(words(text), english) + ": "
                                + text));
        shown.get("en")
                .forEach((what, text) -> assertTrue(
                        intersect(words(text), dutch).isEmpty(),
                        "English page after " + what + " shows Dutch " + intersect(words(text), dutch) + ": " + text));
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    /** Each refusal once in one language; returns what each one added to the page. */
    private Map<String, String> refusals(Browser b, String lang, String caseworker, String coordinator, Api worker)
            throws Exception {
        Map<String, String> shown = new LinkedHashMap<>();
        long caseId =
                worker.post("api/cases", ChainData.aCase()).json().get("id").asLong();
        long victim = worker.post("api/cases/" + caseId + "/victims", ChainData.aVictim())
                .json()
                .get("id")
                .asLong();
        long suspect = worker.post("api/cases/" + caseId + "/suspects", ChainData.aSuspect(victim))
                .json()
                .get("id")
                .asLong();
        login(b, caseworker, "/cases");
        b.language(lang);

        b.go("/cases/" + caseId + "/parties/victims/new");
        String before = text(b);
        b.click("party-gender-0")
                .type("party-birthYear", "1800")
                .date("party-exploitationStartedOn", "2999-01-01")
                .submitExpectingErrors();
        List<String> items = b.errorSummaryItems();
        assertEquals(2, items.size(), "both fields' errors come in one answer: " + items);
        String birthYear = b.fieldError("birthYear");
        String label = b.driver
                .findElement(By.cssSelector("label[for='party-birthYear']"))
                .getText();
        assertTrue(
                birthYear.contains(label.replaceAll(" \\(.*\\)$", "")) && birthYear.contains("1900"),
                "the message names the field by its label and the bound: " + birthYear);
        assertTrue(b.fieldError("exploitationStartedOn").length() > 0, "the second field's error is shown at once");
        shown.put("two invalid fields", added(before, b));
        axe(b, "validation-two-fields", lang);

        b.go("/cases/" + caseId + "/parties/" + suspect + "/chain-events/new");
        before = text(b);
        b.click("record-stage-3")
                .date("record-on", "2024-04-01")
                .click("record-verdict-0")
                .submitExpectingErrors();
        String rule = b.fieldError("stage");
        assertTrue(
                rule.toLowerCase(Locale.ROOT).contains("nl".equals(lang) ? "instroom" : "inflow"),
                "the chain rule in words: " + rule);
        shown.put("chain rule", added(before, b));
        axe(b, "chain-rule", lang);

        b.go("/cases/" + caseId + "/edit");
        before = text(b);
        Api.Reply current = worker.get("api/cases/" + caseId);
        assertEquals(
                200,
                worker.put("api/cases/" + caseId, Json.with(ChainData.aCase(), "suspectCount", 4), current.etag())
                        .status());
        b.click("case-teamType-1").submit();
        b.waitFor(By.cssSelector(".form-step:not([hidden]) #case-suspectCount"));
        b.type("case-suspectCount", "3").submit();
        b.waitFor(By.cssSelector(".notification--warning"));
        shown.put("stale edit (412)", added(before, b));
        axe(b, "stale-edit", lang);

        b.go("/cases");
        shown.put("403", probe(b, "api/reports/dependency", 403));
        shown.put("409", probe(b, "api/test/failure?kind=lock", 409));
        shown.put("503", probe(b, "api/test/failure?kind=deadlock", 503));
        axe(b, "probes", lang);
        b.logout();

        login(b, coordinator, "/coordinator");
        b.go("/coordinator/dark-number?year=2016&region=NATIONAL&lists=POLICE,CARE"); // a year nobody registered in
        shown.put("dark number refused (422)", b.waitFor(By.id("mse-refusal")).getText());
        axe(b, "dark-number-refused", lang);
        before = text(b);
        Path malformed =
                Files.writeString(Files.createTempFile("malformed", ".csv"), "A,B,count\n1,0,4\n0,x,3\n1,1,-2\n");
        b.driver
                .findElement(By.id("mse-upload-file"))
                .sendKeys(malformed.toAbsolutePath().toString());
        b.click("mse-upload-submit");
        String upload = b.waitFor(By.id("mse-upload-problems")).getText();
        assertTrue(
                upload.contains("nl".equals(lang) ? "Regel 3, kolom 2" : "Line 3, column 2"),
                "where, in words: " + upload);
        shown.put("upload error", added(before, b));
        axe(b, "upload-error", lang);
        recordProblems(b);
        b.language("nl");
        b.logout();
        return shown;
    }

    private void login(Browser b, String username, String landing) {
        b.login(username, Scenario.PASSWORD, () -> {
            scenario.advanceClock(31);
            return scenario.totp(username);
        });
        b.waitForPage(landing);
        b.js(RECORD_PROBLEMS);
    }

    /** A real refusal of the API, rendered by the front end's own errorText into the page. */
    private String probe(Browser b, String path, int status) {
        b.js(RECORD_PROBLEMS);
        Object got = b.driver.executeAsyncScript(PROBE, path);
        assertEquals((long) status, got, path);
        return b.driver.findElement(By.id("kz-probe")).getText();
    }

    private void axe(Browser b, String page, String lang) {
        recordProblems(b);
        violations.addAll(b.axe(page + "-" + lang));
        b.js(RECORD_PROBLEMS);
    }

    private void recordProblems(Browser b) {
        Object list = b.js("const p = window.__kzProblems || []; window.__kzProblems = []; return JSON.stringify(p);");
        try {
            JsonNode array = nl.ketenzicht.shared.JsonConfig.MAPPER.readTree(String.valueOf(list));
            array.forEach(problems::add);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String text(Browser b) {
        return b.mainText() + " " + b.js("return document.title");
    }

    /** The page's text, keeping only words that were not on it before the refusal (user input, names). */
    private static String added(String before, Browser b) {
        Set<String> old = words(before);
        StringBuilder out = new StringBuilder();
        Matcher m = WORD.matcher(text(b));
        while (m.find()) {
            if (!old.contains(m.group().toLowerCase(Locale.ROOT))) {
                out.append(m.group()).append(' ');
            }
        }
        return out.toString();
    }

    /** Words of the server's English: the problems the pages received and the English texts of every code, minus words Dutch shares. */
    private Set<String> englishOfServer() {
        StringBuilder text = new StringBuilder(problemTexts("en"));
        for (JsonNode p : problems) {
            text.append(' ')
                    .append(p.path("detail").asText())
                    .append(' ')
                    .append(p.path("title").asText());
            p.path("errors")
                    .forEach(e -> text.append(' ').append(e.path("message").asText()));
        }
        assertTrue(problems.size() >= 10, "the pages received the refusals: " + problems.size());
        return minus(
                words(text.toString()),
                words(String.join(" ", Messages.of("nl").orElseThrow().values())));
    }

    private static String problemTexts(String lang) {
        StringBuilder text = new StringBuilder();
        Messages.of(lang).orElseThrow().forEach((k, v) -> {
            if (k.startsWith("problem.")) {
                text.append(' ').append(v);
            }
        });
        return text.toString();
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group().toLowerCase(Locale.ROOT));
        }
        return words;
    }

    private static Set<String> minus(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    private static Set<String> intersect(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.retainAll(b);
        return out;
    }
}
