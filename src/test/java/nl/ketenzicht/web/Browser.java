package nl.ketenzicht.web;

import com.deque.html.axecore.args.AxeRuleOptions;
import com.deque.html.axecore.args.AxeRunOnlyOptions;
import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through /usr/bin/chromedriver (no driver download), with the
 * helpers the front-end tests share: waiting for a page of the single-page app, filling fields,
 * axe-core checks and screenshots.
 */
final class Browser implements AutoCloseable {

    static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final ChromeDriver driver;
    private final String base;
    /** Wall time per kind of step (axe, screenshots, ...), printed when the browser closes: where a test's time goes. */
    private final java.util.Map<String, long[]> ledger = new java.util.TreeMap<>();

    private <T> T timed(String what, Supplier<T> step) {
        long t = System.nanoTime();
        try {
            return step.get();
        } finally {
            long[] e = ledger.computeIfAbsent(what, k -> new long[2]);
            e[0]++;
            e[1] += System.nanoTime() - t;
        }
    }

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** Opens a browser on the app; the host becomes localhost so that Chromium keeps the Secure cookie over http. */
    static Browser open(URL deployment, String name) {
        System.setProperty("SE_OFFLINE", "true");
        String path = deployment.getPath().endsWith("/") ? deployment.getPath() : deployment.getPath() + "/";
        String base = "http://localhost:" + deployment.getPort() + path;
        Path profile = Path.of("target/chromium-profiles", name + "-" + System.nanoTime())
                .toAbsolutePath();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--user-data-dir=" + profile,
                "--window-size=1280,900",
                "--lang=nl");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return new Browser(driver, base);
    }

    /** Opens a path of the app (e.g. "/admin/users") and waits until the page has rendered. */
    Browser go(String path) {
        return timed("go", () -> navigate(path));
    }

    private Browser navigate(String path) {
        String current = driver.getCurrentUrl();
        if (current == null || !current.startsWith(base)) {
            driver.get(base + "#" + path);
        } else {
            js("location.hash = arguments[0]", "#" + path);
        }
        return waitForPage(path);
    }

    Browser waitForPage(String path) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() ->
                        "page " + path + " did not render; at " + driver.getCurrentUrl() + " showing: " + mainText())
                .until(d -> path.equals(js("return document.body.dataset.rendered || null")));
        return this;
    }

    /** Waits until a page whose path matches the pattern rendered, e.g. "/cases/\\d+" for any case page. */
    String waitForPageMatching(String regex) {
        new WebDriverWait(driver, WAIT)
                .withMessage(() -> "no page " + regex + "; showing: " + mainText())
                .until(d -> {
                    Object r = js("return document.body.dataset.rendered || null");
                    return r != null && r.toString().matches(regex);
                });
        return (String) js("return document.body.dataset.rendered");
    }

    WebElement waitFor(By by) {
        return new WebDriverWait(driver, WAIT)
                .withMessage(() -> by + " not shown; page: " + mainText())
                .until(d -> d.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null));
    }

    boolean present(By by) {
        return driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
    }

    String mainText() {
        List<WebElement> main = driver.findElements(By.id("main"));
        return main.isEmpty() ? "" : main.get(0).getText();
    }

    String heading() {
        return waitFor(By.cssSelector("main h1")).getText();
    }

    Browser type(String id, String text) {
        WebElement e = waitFor(By.id(id));
        e.clear();
        e.sendKeys(text);
        return this;
    }

    String value(String id) {
        return driver.findElement(By.id(id)).getDomProperty("value");
    }

    Browser click(By by) {
        WebElement e = waitFor(by);
        js("arguments[0].scrollIntoView({block: 'center'})", e);
        e.click();
        return this;
    }

    Browser click(String id) {
        return click(By.id(id));
    }

    Browser select(String id, String value) {
        new Select(waitFor(By.id(id))).selectByValue(value);
        return this;
    }

    Browser submit() {
        return click(By.cssSelector("main form .button-group button[type=submit]"));
    }

    Browser date(String id, String isoDate) {
        String[] p = isoDate.split("-");
        return type(id + "-day", String.valueOf(Integer.parseInt(p[2])))
                .type(id + "-month", String.valueOf(Integer.parseInt(p[1])))
                .type(id + "-year", p[0]);
    }

    /** Submits and waits for a new error summary (not the one already shown). */
    Browser submitExpectingErrors() {
        js("document.querySelectorAll('.error-summary').forEach(e => e.dataset.stale = '1')");
        submit();
        waitFor(By.cssSelector(".error-summary:not([data-stale])"));
        return this;
    }

    WebElement errorSummary() {
        return waitFor(By.cssSelector(".error-summary"));
    }

    List<String> errorSummaryItems() {
        return errorSummary().findElements(By.cssSelector("li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    String fieldError(String fieldName) {
        return waitFor(By.cssSelector("[data-field='" + fieldName + "'] .error-message"))
                .getText();
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Logs in through the pages: password, then the code from the supplier. */
    void login(String username, String password, Supplier<String> code) {
        timed("login", () -> {
            signIn(username, password, code);
            return null;
        });
    }

    private void signIn(String username, String password, Supplier<String> code) {
        go("/login");
        type("login-username", username).type("login-password", password).submit();
        waitFor(By.id("second-factor-code"));
        type("second-factor-code", code.get()).submit();
    }

    void logout() {
        click("logout");
        waitForPage("/login");
    }

    void language(String lang) {
        timed("language", () -> {
            switchLanguage(lang);
            return null;
        });
    }

    private void switchLanguage(String lang) {
        if (!lang.equals(js("return document.documentElement.lang"))) {
            String path = (String) js("return document.body.dataset.rendered");
            click("language-switch");
            new WebDriverWait(driver, WAIT)
                    .until(d -> lang.equals(js("return document.documentElement.lang"))
                            && path.equals(js("return document.body.dataset.rendered || null")));
        }
    }

    /**
     * axe-core with the WCAG 2.1 A/AA rules; returns one line per violation (empty when clean). The app
     * has no frames, so axe runs in one pass in the page (legacy mode): the same rules and results
     * without the blank window that the frame-aware mode opens and loads axe into for every check.
     *
     * <p>Once per page layout and language in a test JVM (see {@link #LAYOUT}): a page whose layout was
     * already checked in this language adds nothing, and in a second language only the colour-contrast
     * rule is left out (colours and text sizes come from the layout, not from the words). On the large
     * report pages contrast is most of axe's time.
     */
    List<String> axe(String page) {
        String lang = String.valueOf(js("return document.documentElement.lang"));
        String layout = (String) js(LAYOUT);
        boolean contrastChecked;
        synchronized (CHECKED) {
            if (!CHECKED.add(layout + " " + lang)) {
                timed("axe skipped (layout checked)", () -> null);
                return List.of();
            }
            contrastChecked = !CONTRAST_CHECKED.add(layout);
        }
        Results results = timed(contrastChecked ? "axe without contrast" : "axe", () -> {
            AxeBuilder axe = new AxeBuilder()
                    .withOptions(contrastChecked ? AXE_OPTIONS_NO_CONTRAST : AXE_OPTIONS)
                    .disableIframeTesting()
                    .setLegacyMode(true);
            axe.setInjectAxe(Browser::injectAxeOnce);
            return axe.analyze(driver);
        });
        List<String> found = new ArrayList<>();
        for (Rule rule : results.getViolations()) {
            rule.getNodes()
                    .forEach(n -> found.add(page + " [" + lang + "]: " + rule.getId() + " – " + rule.getHelp() + " at "
                            + n.getTarget()));
        }
        if (results.isErrored()) {
            found.add(page + ": axe failed: " + results.getErrorMessage());
        }
        return found;
    }

    /** Layouts (and layout + language) axe has checked in this JVM. */
    private static final Set<String> CHECKED = new HashSet<>();

    private static final Set<String> CONTRAST_CHECKED = new HashSet<>();

    /**
     * A page's layout as what axe's rules read, without its words: every element with its attributes
     * (numbers and the lang= of links in them as #, the values of text and data- attributes such as
     * aria-label, title or data-label only as present),
     * whether it has text of its own, and its children, where a run of identical siblings (table rows,
     * chart points, list items) counts once. Hashed (53 bits) in the page.
     */
    private static final String LAYOUT = """
            const words = new Set(['aria-label', 'aria-valuetext', 'aria-roledescription', 'aria-placeholder', 'alt',
              'title', 'placeholder', 'value', 'content', 'lang', 'download', 'label', 'summary', 'abbr']);
            const ids = new Set(['id', 'for', 'headers', 'aria-labelledby', 'aria-describedby', 'aria-controls',
              'aria-owns', 'aria-activedescendant', 'list', 'form']);
            const shape = (name, v) => words.has(name) || name.startsWith('data-') ? (v.trim() ? '*' : '')
              : ids.has(name) ? v
              : v.replace(/lang=[a-z]+/g, 'lang=*').replace(/[0-9][0-9.,]*/g, '#');
            function layout(el) {
              let s = el.tagName;
              for (const a of [...el.attributes].sort((x, y) => (x.name < y.name ? -1 : 1))) {
                s += ' ' + a.name + '=' + shape(a.name, a.value);
              }
              if ([...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim())) s += ' T';
              const children = [];
              for (const c of el.children) {
                const l = layout(c);
                if (l !== children[children.length - 1]) children.push(l);
              }
              return s + '(' + children.join(',') + ')';
            }
            const text = layout(document.documentElement);
            let h1 = 0xdeadbeef, h2 = 0x41c6ce57;
            for (let i = 0; i < text.length; i++) {
              const c = text.charCodeAt(i);
              h1 = Math.imul(h1 ^ c, 2654435761);
              h2 = Math.imul(h2 ^ c, 1597334677);
            }
            h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
            h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
            return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + '-' + text.length;
            """;

    /**
     * The WCAG 2.1 A/AA rules, with full details for violations only: the passes, incomplete and
     * inapplicable results (hundreds of nodes a page, serialised through chromedriver) name one
     * example each, which is all the tests read of them.
     */
    private static final AxeRunOptions AXE_OPTIONS = axeOptions(false);

    private static final AxeRunOptions AXE_OPTIONS_NO_CONTRAST = axeOptions(true);

    private static final String AXE_SOURCE = axeSource();

    private static AxeRunOptions axeOptions(boolean withoutContrast) {
        AxeRunOnlyOptions only = new AxeRunOnlyOptions();
        only.setType("tag");
        only.setValues(WCAG_TAGS);
        AxeRunOptions options = new AxeRunOptions();
        options.setRunOnly(only);
        if (withoutContrast) {
            AxeRuleOptions off = new AxeRuleOptions();
            off.setEnabled(false);
            options.setRules(Map.of("color-contrast", off));
        }
        options.setResultTypes(List.of("violations"));
        return options;
    }

    private static String axeSource() {
        try (var in = AxeBuilder.class.getResourceAsStream("/axe.min.js")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The app is a single page: axe, once loaded, stays in the window until the next full load. */
    private static void injectAxeOnce(org.openqa.selenium.WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        Object loaded =
                js.executeScript("return typeof window.axe !== 'undefined' && typeof window.axe.run === 'function'");
        if (!Boolean.TRUE.equals(loaded)) {
            js.executeScript(AXE_SOURCE);
        }
    }

    /**
     * Full-page screenshots at 1280 and 375 px wide into target/screenshots/NAME-WIDTH.png, with
     * {@code -Dit.screenshots=true} only: no test reads them, and in the default suite they cost about a
     * tenth of the browser's time.
     */
    void screenshots(String name) {
        if (!Boolean.getBoolean("it.screenshots")) {
            return;
        }
        timed("screenshots", () -> {
            shoot(name);
            return null;
        });
    }

    private void shoot(String name) {
        for (int width : new int[] {1280, 375}) {
            driver.manage().window().setSize(new Dimension(width, 900));
            long height = ((Number) js("return Math.min(6000, document.documentElement.scrollHeight)")).longValue();
            driver.manage().window().setSize(new Dimension(width, (int) Math.max(600, height)));
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.write(
                        SCREENSHOTS.resolve(name + "-" + width + ".png"),
                        ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Empty when the page needs no horizontal scrolling at the current width, else the elements that stick out. */
    String overflow() {
        return timed("overflow", () -> (String) js("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width + 1) return '';
                const scrolls = (el) => el.closest('.table-wrapper') && getComputedStyle(el).position !== 'absolute';
                return [...document.querySelectorAll('body *')]
                  .filter((el) => el.getBoundingClientRect().right > width + 1 && !scrolls(el) && el.offsetParent !== null)
                  .filter((el) => ![...el.children].some((c) => c.getBoundingClientRect().right > width + 1))
                  .slice(0, 5).map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + [...el.classList].join('.')
                    + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)').join(', ') || overflowingText(width);
                function overflowingText(width) {
                  // Text that does not fit sticks out of its box while the box itself keeps the page's width.
                  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                  const found = [];
                  for (let n = walker.nextNode(); n && found.length < 5; n = walker.nextNode()) {
                    if (!n.textContent.trim() || !n.parentElement || n.parentElement.closest('.table-wrapper')) continue;
                    const range = document.createRange();
                    range.selectNodeContents(n);
                    const right = range.getBoundingClientRect().right;
                    if (right > width + 1) found.push('text "' + n.textContent.trim().slice(0, 40) + '" in ' + n.parentElement.tagName.toLowerCase()
                      + ' (' + Math.round(right) + ' px)');
                  }
                  return found.join(', ') || 'something';
                }
                """));
    }

    @Override
    public void close() {
        StringBuilder line = new StringBuilder("browser steps (count, seconds):");
        ledger.forEach(
                (k, e) -> line.append(String.format(java.util.Locale.ROOT, " %s %d %.1f;", k, e[0], e[1] / 1e9)));
        System.out.println(line);
        driver.quit();
    }
}
