package nl.ketenzicht.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The browser front end in a real (headless) Chromium against the deployed WAR: login with TOTP and
 * enrolment, forms with client and server validation, the stale-version conflict, role-based pages,
 * keyboard-only use, axe-core WCAG 2.1 A/AA on every page in both languages, and screenshots.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebFrontEndIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    private static Scenario scenario;
    private static Browser browser;
    private static long organisation;

    private Browser browser() {
        if (browser == null) {
            scenario = new Scenario(base);
            organisation = scenario.organisation("POLICE", "AMS");
            browser = Browser.open(base, "main");
        }
        return browser;
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    /** Logs a user in through the pages; the server clock moves on so every login gets a fresh TOTP code. */
    private void loginAs(Browser b, String username, String password) {
        b.login(username, password, () -> {
            scenario.advanceClock(31);
            return scenario.totp(username);
        });
    }

    private void loginAsAdmin(Browser b) {
        scenario.admin();
        loginAs(b, "admin", Scenario.ADMIN_PASSWORD);
        b.waitForPage("/admin/users");
    }

    /** A user of the role that has enrolled (through the API), ready for a browser login. */
    private String enrolledUser(String role) {
        String username =
                scenario.createUserOnly(role, organisation).get("username").asText();
        scenario.login(username, Scenario.PASSWORD);
        return username;
    }

    /** A case of the user's organisation, created through the API; returns its id. */
    private long caseOf(String username) {
        Api.Reply r = scenario.login(username, Scenario.PASSWORD).post("api/cases", ChainData.aCase());
        assertEquals(201, r.status(), "create case: " + r);
        return r.json().get("id").asLong();
    }

    private void logoutIfLoggedIn(Browser b) {
        if (b.present(By.id("logout"))) {
            b.logout();
        }
    }

    @Test
    @Order(1)
    void adminCreatesACaseworkerWhoEnrolsWithTheQrCodeAndLogsIn() {
        Browser b = browser();
        loginAsAdmin(b);
        b.go("/admin/users/new").submitExpectingErrors();
        List<String> required = b.errorSummaryItems();
        assertEquals(4, required.size(), "username, password, role and organisation are required: " + required);
        assertTrue(b.fieldError("username").contains("Gebruikersnaam"), "the message stands next to the field");
        b.click(By.cssSelector(".error-summary a"));
        assertEquals(
                "user-create-username",
                b.driver.switchTo().activeElement().getAttribute("id"),
                "a summary link moves focus to its field");

        String username = "web.cw" + System.nanoTime() % 100000;
        b.type("user-create-username", username)
                .type("user-create-password", "too-short")
                .click("user-create-role-0")
                .select("user-create-organisationId", String.valueOf(organisation))
                .submitExpectingErrors();
        assertTrue(b.fieldError("password").length() > 0, "the server's 400 lands on the password field");
        assertEquals(1, b.errorSummaryItems().size(), "only the password is wrong: " + b.errorSummaryItems());
        assertEquals(username, b.value("user-create-username"), "nothing typed is lost on a validation error");
        assertTrue(b.driver.findElement(By.id("user-create-role-0")).isSelected(), "the chosen role is kept");

        b.type("user-create-password", Scenario.PASSWORD).submit();
        b.waitForPage("/admin/users");
        b.logout();

        b.type("login-username", username)
                .type("login-password", Scenario.PASSWORD)
                .submit();
        String secret = b.waitFor(By.id("totp-secret")).getText();
        WebElement qr = b.driver.findElement(By.cssSelector(".qr img"));
        assertTrue(qr.getAttribute("src").startsWith("data:image/"), "the QR code comes from the API's qrDataUri");
        assertFalse(qr.getAttribute("alt").isBlank(), "the QR code has a text alternative");
        scenario.rememberSecret(username, secret);
        violations.addAll(b.axe("enrolment"));
        b.type("second-factor-code", "12345").submitExpectingErrors();
        assertTrue(b.fieldError("code").contains("6"), "a malformed code is refused before the request");
        violations.addAll(b.axe("enrolment-errors"));
        b.type("second-factor-code", scenario.totp(username)).submit();
        List<WebElement> codes = b.waitFor(By.id("recovery-codes")).findElements(By.tagName("li"));
        assertTrue(codes.size() >= 5, "recovery codes are shown once: " + codes.size());
        violations.addAll(b.axe("recovery-codes"));
        b.screenshots("recovery-codes");
        b.click("recovery-done");
        b.waitForPage("/cases");
        assertTrue(b.driver.findElement(By.id("header")).getText().contains(username));
        b.logout();
    }

    @Test
    @Order(2)
    void secondSaveOfAStaleRecordShowsTheConflictAndKeepsTheInput() {
        Browser first = browser();
        logoutIfLoggedIn(first);
        JsonNode target = scenario.createUserOnly("CASEWORKER", organisation);
        String path = "/admin/users/" + target.get("id").asText();
        loginAsAdmin(first);
        try (Browser second = Browser.open(base, "second")) {
            loginAsAdmin(second);
            first.go(path);
            second.go(path);

            first.click("user-edit-role-2").submit();
            first.waitFor(By.cssSelector(".notification--success"));

            second.click("user-edit-enabled-1")
                    .select("user-edit-policeUnit", "AMS")
                    .submit();
            WebElement conflict = second.waitFor(By.cssSelector(".notification--warning"));
            assertTrue(
                    conflict.getText().contains("Auditor"),
                    "the conflict shows the other user's change: " + conflict.getText());
            assertTrue(
                    second.driver.findElement(By.id("user-edit-enabled-1")).isSelected(),
                    "the user's input is still in the form");
            assertEquals("AMS", second.value("user-edit-policeUnit"));
            violations.addAll(second.axe("conflict"));
            second.screenshots("conflict");

            second.click(By.cssSelector(".notification--warning .button:not(.button--secondary)"));
            second.waitFor(By.cssSelector(".notification--success"));
        }
        JsonNode saved = userById(target.get("id").asLong());
        assertFalse(saved.get("enabled").asBoolean(), "the re-applied input was saved on the latest version");
        assertEquals("AMS", saved.get("policeUnit").asText());
    }

    @Test
    @Order(3)
    void eachRoleSeesOnlyItsOwnPages() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        long caseId = caseOf(enrolledUser("CASEWORKER"));
        String coordinator = enrolledUser("COORDINATOR");
        loginAs(b, coordinator, Scenario.PASSWORD);
        b.waitForPage("/coordinator");
        b.click("report-choice-level-1").submit();
        b.waitForPage("/coordinator?year=" + (java.time.Year.now().getValue() - 1) + "&level=COURT_DISTRICT");
        String csv = b.waitFor(By.cssSelector("#report-downloads a[href*='api/reports/dependency/export.csv']"))
                .getAttribute("href");
        assertTrue(csv.contains("level=COURT_DISTRICT"), "the download follows the chosen breakdown: " + csv);
        assertEquals(
                200L,
                b.js("return fetch(arguments[0]).then((r) => r.status)", csv),
                "the coordinator can download " + csv);
        b.click("coordinator-reference");
        b.waitForPage("/reference");
        assertTrue(b.mainText().contains("Amsterdam"), "the coordinator reaches the regional reference data");
        b.go("/cases/" + caseId);
        assertEquals("Geen toegang", b.heading(), "a coordinator cannot open a case page");
        assertFalse(b.present(By.cssSelector(".summary-list")), "and sees no case content");
        b.logout();

        loginAsAdmin(b);
        assertFalse(b.present(By.cssSelector("a[href^='#/cases']")), "an administrator has no case navigation");
        for (String path : List.of("/cases", "/cases/" + caseId, "/cases/" + caseId + "/edit")) {
            b.go(path);
            assertEquals("Geen toegang", b.heading(), "an administrator sees no case content at " + path);
            assertFalse(b.present(By.cssSelector(".summary-list, form#case")), "nothing of the case at " + path);
        }
        b.logout();
    }

    @Test
    @Order(4)
    void organisationNamesAreShownAsTextNeverAsHtml() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        loginAsAdmin(b);
        String payload = "<img src=x onerror=window.__xss=1>\"'><script>window.__xss=2</script>";
        b.go("/admin/organisations/new")
                .type("organisation-create-code", "XSS-" + System.nanoTime() % 100000)
                .type("organisation-create-name", payload)
                .click("organisation-create-type-7")
                .submit();
        b.waitForPage("/admin/organisations");
        assertTrue(b.mainText().contains(payload), "the name is shown literally");
        assertNull(b.js("return window.__xss === undefined ? null : window.__xss"), "no script ran");
        assertEquals(0L, b.js("return document.querySelectorAll('main img, main script').length"));
        b.logout();
    }

    @Test
    @Order(5)
    void theCaseFormCanBeFilledAndSubmittedWithTheKeyboardAlone() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        String caseworker = enrolledUser("CASEWORKER");
        loginAs(b, caseworker, Scenario.PASSWORD);
        b.waitForPage("/cases");
        b.go("/cases/new");
        Map<String, String> typing = Map.of(
                "case-openedOn-day",
                "3",
                "case-openedOn-month",
                "2",
                "case-openedOn-year",
                "2025",
                "case-suspectCount",
                "2");
        int submits = 0;
        for (int i = 0; i < 120 && submits < 2; i++) {
            WebElement active = b.driver.switchTo().activeElement();
            String id = active.getAttribute("id");
            String type = active.getAttribute("type");
            if ("case-municipalityCode".equals(id)) {
                active.sendKeys("Amsterdam");
            } else if (id != null && typing.containsKey(id)) {
                active.sendKeys(typing.get(id));
            } else if ("radio".equals(type) || ("checkbox".equals(type) && id.startsWith("case-exploitationForms"))) {
                if (!active.isSelected()) {
                    active.sendKeys(Keys.SPACE);
                }
            } else if ("submit".equals(type)) {
                active.sendKeys(Keys.ENTER);
                submits++;
                if (submits == 1) {
                    b.waitFor(By.cssSelector(".form-step:not([hidden]) #case-exploitationForms-0"));
                }
                continue;
            }
            active.sendKeys(Keys.TAB);
        }
        assertEquals(2, submits, "both steps were submitted from the keyboard");
        if (caseApiDeployed()) {
            String page = b.waitForPageMatching("/cases/\\d+");
            assertTrue(page.matches("/cases/\\d+"), "the new case's page opens: " + page);
        } else {
            // Until the case API is on main, the request still has to leave the form.
            b.errorSummary();
            assertEquals("GM0363", b.value("case-municipalityCode"), "the keyboard chose Amsterdam");
        }
        b.logout();
    }

    private static final List<String> violations = new ArrayList<>();

    @Test
    @Order(6)
    void everyPageHasNoWcagViolationsInDutchAndEnglishAndFitsSmallScreens() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        List<String> found = new ArrayList<>(violations);
        for (String lang : List.of("nl", "en")) {
            b.go("/login");
            b.language(lang);
            check(b, found, "login", lang);
            b.submitExpectingErrors();
            check(b, found, "login-errors", lang);
        }
        b.language("nl");

        loginAsAdmin(b);
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            for (String path : List.of(
                    "/admin/users",
                    "/admin/organisations",
                    "/admin/tokens",
                    "/admin/reference",
                    "/admin/reference?list=EXPLOITATION_FORM",
                    "/admin/organisations/new",
                    "/admin/organisations/" + organisation,
                    "/cases")) {
                b.go(path);
                check(b, found, path, lang);
            }
            b.go("/admin/users/new").submitExpectingErrors();
            check(b, found, "user-form-errors", lang);
            b.go("/admin/tokens")
                    .select("token-create-organisationId", String.valueOf(organisation))
                    .type("token-create-name", "browser test " + lang)
                    .type(
                            "token-create-secretHash",
                            Scenario.sha256("kz_browser-test-" + lang + "-" + System.nanoTime()))
                    .submit();
            b.waitFor(By.cssSelector("#issued-token .notification"));
            assertFalse(b.present(By.id("token-value")), "no token is ever shown: the partner made it");
            check(b, found, "token-requested", lang);
        }
        b.language("nl");
        b.logout();

        String auditor = enrolledUser("AUDITOR");
        loginAs(b, auditor, Scenario.PASSWORD);
        b.waitForPage("/audit/log");
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            for (String path : List.of(
                    "/audit/log", "/audit/subjects", "/audit/cases", "/audit/break-glass", "/audit/verification")) {
                b.go(path);
                check(b, found, path, lang);
            }
            b.go("/audit/subjects").submitExpectingErrors();
            check(b, found, "audit-subjects-errors", lang);
        }
        b.language("nl");
        b.logout();

        String coordinator = enrolledUser("COORDINATOR");
        loginAs(b, coordinator, Scenario.PASSWORD);
        b.waitForPage("/coordinator");
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            for (String path : List.of("/coordinator", "/reference", "/reference?list=NON_REPORTING_REASON")) {
                b.go(path);
                check(b, found, "coordinator" + path, lang);
            }
        }
        b.language("nl");
        b.logout();

        String caseworker = enrolledUser("CASEWORKER");
        long caseId = caseOf(caseworker);
        long om = scenario.organisation("OM", null);
        loginAs(b, caseworker, Scenario.PASSWORD);
        b.waitForPage("/cases");
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            b.go("/cases");
            check(b, found, "cases", lang);
            b.go("/cases?q=Amsterdam");
            assertTrue(
                    b.present(By.cssSelector("a[href='#/cases/" + caseId + "']")),
                    "the free-text search finds the case by its municipality");
            check(b, found, "cases-search", lang);
            for (String path : List.of(
                    "/cases/" + caseId,
                    "/cases/" + caseId + "/edit",
                    "/cases/" + caseId + "/shares",
                    "/cases/" + caseId + "/closure",
                    "/cases/" + caseId + "/parties/victims/new")) {
                b.go(path);
                check(b, found, path.replace("/" + caseId, "/N"), lang);
            }
            b.go("/cases/" + caseId + "/shares").submitExpectingErrors();
            check(b, found, "case-shares-errors", lang);
            b.go("/cases/new");
            check(b, found, "case-new", lang);
            b.date("case-openedOn", "2025-02-31").submitExpectingErrors();
            assertEquals("31", b.value("case-openedOn-day"), "an impossible date stays as typed");
            check(b, found, "case-new-errors", lang);
        }
        b.language("nl");
        b.go("/cases/" + caseId + "/shares")
                .select("share-organisationId", String.valueOf(om))
                .type("share-purpose", "Het OM legt zijn beslissingen vast")
                .click("share-scope-1")
                .date("share-expiresOn", scenario.today().plusDays(30).toString())
                .submit();
        b.waitFor(By.xpath("//main//td[contains(., 'Het OM legt zijn beslissingen vast')]"));
        assertTrue(
                b.mainText().contains("Lezen en eigen stappen in de strafrechtketen toevoegen"),
                "the share lists its scope");
        check(b, found, "case-shares-listed", "nl");
        b.logout();
        assertTrue(found.isEmpty(), "axe WCAG 2.1 A/AA violations:\n" + String.join("\n", found));
    }

    @Test
    @Order(7)
    void aCaseworkerRecordsACaseWithItsChainAndAnAuditorCannotEditIt() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        String caseworker = enrolledUser("CASEWORKER");
        loginAs(b, caseworker, Scenario.PASSWORD);
        b.waitForPage("/cases");
        b.go("/cases/new")
                .select("case-municipalityCode", "GM0363")
                .date("case-openedOn", "2025-02-03")
                .click("case-origin-0")
                .click("case-teamType-0")
                .submit();
        b.waitFor(By.id("case-exploitationForms-0"));
        b.submitExpectingErrors();
        assertEquals(
                3,
                b.errorSummaryItems().size(),
                "forms, suspect count and network are required: " + b.errorSummaryItems());
        assertTrue(b.fieldError("suspectCount").length() > 0, "the message stands at the field");
        assertEquals("3", b.value("case-openedOn-day"), "the first step's input is kept");
        b.click("case-exploitationForms-0")
                .type("case-suspectCount", "1")
                .click("case-network-1")
                .submit();
        String casePath = b.waitForPageMatching("/cases/\\d+");
        assertTrue(casePath.matches("/cases/\\d+"), casePath);
        violations.addAll(b.axe("case-page-empty"));

        b.click(By.cssSelector("a[href$='/parties/victims/new']"));
        b.waitForPage(casePath + "/parties/victims/new");
        b.click("party-gender-0").type("party-birthYear", "2008").submit();
        b.waitForPage(casePath);
        b.click(By.cssSelector("a[href$='/parties/suspects/new']"));
        b.waitForPage(casePath + "/parties/suspects/new");
        b.click("party-gender-1").type("party-birthYear", "1990").submit();
        b.waitForPage(casePath);

        chainEvent(b, casePath, 0, "2025-02-04", () -> {});
        chainEvent(b, casePath, 1, "2025-03-01", () -> {
            // Art. 273f: in force on the offence date under every numbering (240b and the like were renumbered in
            // 2024).
            b.js(
                    "const s = document.getElementById('record-charge-article'); s.value = [...s.options].find((o) => o.value.startsWith('273f|')).value;"
                            + " s.dispatchEvent(new Event('change', {bubbles: true}))");
            b.date("record-charge-offenceDate", "2025-01-15");
        });
        chainEvent(b, casePath, 2, "2025-04-01", () -> b.click("record-decision-0"));
        chainEvent(b, casePath, 3, "2025-09-01", () -> b.click("record-verdict-0"));
        chainEvent(b, casePath, 4, "2025-09-01", () -> b.type("record-sentence-custodyUnconditionalDays", "365"));

        b.click(By.cssSelector("a[href$='/parties/clients/new']"));
        b.waitForPage(casePath + "/parties/clients/new");
        b.click("party-gender-1").submit();
        b.waitForPage(casePath);
        String page = b.mainText();
        for (String expected : new String[] {
            "Slachtoffer 1", "Verdachte 1", "Klant 1", "Straf", "365 dagen onvoorwaardelijk", "Amsterdam"
        }) {
            assertTrue(page.contains(expected), "the case page shows " + expected + ":\n" + page);
        }
        violations.addAll(b.axe("case-page"));
        b.screenshots("case-page");
        b.language("en");
        violations.addAll(b.axe("case-page"));
        b.language("nl");
        b.logout();

        String auditor = enrolledUser("AUDITOR");
        loginAs(b, auditor, Scenario.PASSWORD);
        b.waitForPage("/audit/log");
        long caseId = Long.parseLong(casePath.substring("/cases/".length()));
        b.go(casePath);
        assertEquals("Geen toegang", b.heading(), "an auditor opens no case file");
        b.go("/audit/cases?case=" + caseId);
        b.waitFor(By.cssSelector("#audit-result h2"));
        assertTrue(b.mainText().contains(String.valueOf(caseId)), "but sees the case's facts for judging an access");
        violations.addAll(b.axe("audit-case"));
        b.logout();
        Api auditorApi = scenario.login(auditor, Scenario.PASSWORD);
        assertEquals(
                403,
                auditorApi.get("api/cases/" + caseId).status(),
                "the server refuses an auditor's read of a case file");
        Api.Reply write = auditorApi.put("api/cases/" + caseId, Json.of(), "\"1\"");
        assertEquals(403, write.status(), "and a write: " + write);
        String coordinator = enrolledUser("COORDINATOR");
        assertEquals(
                403,
                scenario.login(coordinator, Scenario.PASSWORD)
                        .get("api/cases/" + caseId)
                        .status(),
                "a coordinator cannot read a case");
        assertTrue(violations.isEmpty(), "axe: " + violations);
    }

    @Test
    @Order(8)
    void aStaleEditOfACaseShowsWhatChangedKeepsTheInputAndReappliesItOnTheLatestVersion() {
        Browser first = browser();
        logoutIfLoggedIn(first);
        String one = enrolledUser("CASEWORKER");
        String two = enrolledUser("CASEWORKER");
        long caseId = caseOf(one);
        String edit = "/cases/" + caseId + "/edit";
        loginAs(first, one, Scenario.PASSWORD);
        first.waitForPage("/cases");
        List<String> found = new ArrayList<>();
        try (Browser second = Browser.open(base, "second-case")) {
            loginAs(second, two, Scenario.PASSWORD);
            second.waitForPage("/cases");
            first.go(edit);
            second.go(edit);

            first.click("case-teamType-1").submit();
            first.waitFor(By.cssSelector(".form-step:not([hidden]) #case-suspectCount"));
            first.type("case-suspectCount", "5").submit();
            first.waitForPage("/cases/" + caseId);

            second.click("case-origin-3").submit();
            second.waitFor(By.cssSelector(".form-step:not([hidden]) #case-suspectCount"));
            second.type("case-suspectCount", "3").submit();
            WebElement conflict = second.waitFor(By.cssSelector(".notification--warning"));
            String text = conflict.getText();
            assertTrue(
                    text.contains("Zeden") && text.contains("5"),
                    "the conflict shows the other case worker's changes: " + text);
            assertEquals("3", second.value("case-suspectCount"), "the user's input is still in the form");
            assertTrue(second.driver.findElement(By.id("case-origin-3")).isSelected(), "also on the first step");
            check(second, found, "case-conflict", "nl"); // a language switch would reload the form, so Dutch only

            second.click(By.cssSelector(".notification--warning .button:not(.button--secondary)"));
            second.waitForPage("/cases/" + caseId);
        }
        JsonNode saved = scenario.login(one, Scenario.PASSWORD)
                .get("api/cases/" + caseId)
                .json();
        assertEquals("ZEDEN", saved.get("teamType").asText(), "the first save is not lost");
        assertEquals("DIGITAL", saved.get("origin").asText(), "the second user's own edits were re-applied");
        assertEquals(
                3, saved.get("suspectCount").asInt(), "including the field both changed: the re-applying user decides");
        assertTrue(found.isEmpty(), "axe: " + found);
        first.logout();
    }

    @Test
    @Order(9)
    void breakGlassOpensACaseOutsideTheScopeWithAReasonAndTheAuditorPagesShowIt() {
        Browser b = browser();
        logoutIfLoggedIn(b);
        List<String> found = new ArrayList<>();
        Api elsewhere = scenario.caseworker(scenario.organisation("POLICE", "RDM"));
        long foreignCase =
                elsewhere.post("api/cases", ChainData.aCase()).json().get("id").asLong();
        String caseworker = enrolledUser("CASEWORKER");
        long ownCase = caseOf(caseworker);
        long victim = scenario.login(caseworker, Scenario.PASSWORD)
                .post("api/cases/" + ownCase + "/victims", ChainData.aVictim())
                .json()
                .get("id")
                .asLong();

        loginAs(b, caseworker, Scenario.PASSWORD);
        b.waitForPage("/cases");
        b.go("/cases/" + ownCase);
        assertTrue(
                b.mainText().contains(String.valueOf(victim)),
                "the case page shows the victim's party number for auditors' look-ups");
        for (String lang : List.of("en", "nl")) {
            b.language(lang);
            b.go("/cases/" + foreignCase);
            check(b, found, "break-glass-offer", lang);
            b.type("break-glass-reason", "too short").submitExpectingErrors();
            assertTrue(b.fieldError("reason").contains("10"), "a reason needs at least 10 characters");
            check(b, found, "break-glass-errors", lang);
        }
        assertTrue(b.heading().contains("niet zichtbaar"), "out of scope: " + b.heading());
        String reason = "Acuut gevaar, melding Veilig Thuis " + System.nanoTime() % 1000;
        b.type("break-glass-reason", reason).submit();
        WebElement banner = b.waitFor(By.id("break-glass-banner"));
        assertTrue(
                banner.getText().matches("(?s)Break-glass-toegang tot \\d{2}:\\d{2}.*"),
                "the banner says until when: " + banner.getText());
        assertTrue(b.mainText().contains("Amsterdam"), "the case is shown");
        assertFalse(
                b.present(By.cssSelector("main a[href$='/edit'], main a[href*='/new']")),
                "break-glass is for reading only");
        check(b, found, "case-page-break-glass", "nl");
        b.language("en");
        found.addAll(b.axe("case-page-break-glass"));
        b.language("nl");
        b.logout();

        String auditor = enrolledUser("AUDITOR");
        loginAs(b, auditor, Scenario.PASSWORD);
        b.waitForPage("/audit/log");
        for (String lang : List.of("nl", "en")) {
            b.language(lang);
            b.go("/audit/break-glass");
            assertTrue(
                    b.mainText().contains(reason) && b.mainText().contains(caseworker),
                    "the grant is listed with its reason and user");
            check(b, found, "audit-break-glass-list", lang);
            b.go("/audit/log?username=" + caseworker + "&action=READ");
            assertTrue(
                    b.driver
                                    .findElements(By.cssSelector("#audit-result tbody tr"))
                                    .size()
                            >= 2,
                    "the case worker's reads are listed");
            assertTrue(b.mainText().contains(reason), "the read under break-glass carries its reason");
            check(b, found, "audit-log-results", lang);
            b.go("/audit/subjects?victim=" + victim);
            assertFalse(
                    b.driver
                            .findElements(By.cssSelector("#audit-result tbody tr"))
                            .isEmpty(),
                    "the victim's overview lists the reads");
            check(b, found, "audit-subject-results", lang);
            b.go("/audit/subjects?victim=999999999");
            b.waitFor(By.cssSelector("#audit-result .notification"));
            check(b, found, "audit-subject-unknown", lang);
            b.go("/audit/verification").click("verify");
            b.waitFor(By.cssSelector("#verification-result .notification--success"));
            check(b, found, "audit-verification-result", lang);
        }
        b.language("nl");
        b.logout();
        assertTrue(found.isEmpty(), "axe and reflow: " + String.join("\n", found));
    }

    private void chainEvent(Browser b, String casePath, int stage, String date, Runnable details) {
        b.click(By.cssSelector("a[href*='/chain-events/new']"));
        b.waitForPageMatching(casePath + "/parties/\\d+/chain-events/new");
        b.click("record-stage-" + stage).date("record-on", date);
        details.run();
        b.submit();
        b.waitForPage(casePath);
    }

    /** axe in the current language, a screenshot per page (Dutch), and no horizontal scrolling at 320 px and at 200% zoom. */
    private void check(Browser b, List<String> found, String page, String lang) {
        found.addAll(b.axe(page));
        String name = page.replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
        if ("nl".equals(lang)) {
            b.screenshots(name);
        }
        for (int width : new int[] {320, 640}) { // 640 px is 1280 px at 200% zoom
            b.driver.manage().window().setSize(new Dimension(width, 800));
            String overflow = b.overflow();
            if (!overflow.isEmpty()) {
                found.add(page + " [" + lang + "]: needs horizontal scrolling at " + width + " px: " + overflow);
            }
        }
        b.driver.manage().window().setSize(new Dimension(1280, 900));
    }

    private boolean caseApiDeployed() {
        return scenario.admin().get("api/cases").status() != 404;
    }

    private JsonNode userById(long id) {
        Api.Reply r = scenario.admin().get("api/admin/users?offset=0&limit=200");
        for (JsonNode u : r.json().get("items")) {
            if (u.get("id").asLong() == id) {
                return u;
            }
        }
        throw new AssertionError("user " + id + " not listed");
    }
}
