package nl.ketenzicht.web;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aVictim;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The exchange page (#/exchange) in Chromium: a national coordinator opens it from the navigation, picks a
 * year, reads the open release's report in Dutch and gets every file the page offers (HTCDS as JSON and CSV,
 * the GLOTIP/Eurostat workbook, the open release) with the browser's own session, each equal to what the API
 * gives; a case worker is refused the page and the files. axe finds no WCAG 2.1 A/AA violation in either
 * language. Cases of its own, opened in 2005 (a year no other test writes): twelve alike, one victim each.
 */
@ExtendWith(ArquillianExtension.class)
class ExchangePageIT {

    private static final int YEAR = 2005;
    private static final int N = 12;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void aNationalCoordinatorGetsEveryFileAndACaseWorkerIsRefused() throws Exception {
        Scenario s = new Scenario(base);
        Api w = s.caseworker(s.organisation("POLICE", "AMS"));
        String worker = w.get("api/auth/me").json().get("username").asText();
        for (int i = 0; i < N; i++) {
            Api.Reply kase = w.post(
                    "api/cases",
                    Json.with(aCase(), "openedOn", YEAR + "-05-02", "exploitationForms", List.of("LABOUR")));
            assertEquals(201, kase.status(), kase.body());
            Api.Reply victim = w.post(
                    "api/cases/" + kase.json().get("id").asLong() + "/victims",
                    Json.with(aVictim(), "birthYear", 1980, "nationality", "EU"));
            assertEquals(201, victim.status(), victim.body());
        }
        long national = s.organisation("NATIONAL", null);
        String coordinator =
                s.createUserOnly("COORDINATOR", national).get("username").asText();
        Api api = s.login(coordinator, Scenario.PASSWORD);
        String span = "fromYear=" + YEAR + "&toYear=" + YEAR;

        List<String> violations = new ArrayList<>();
        try (Browser b = Browser.open(base, "exchange")) {
            b.login(coordinator, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(coordinator);
            });
            b.waitForPage("/coordinator");
            b.click(By.cssSelector("a.navigation__link[href='#/exchange']")).waitForPage("/exchange");
            assertEquals("Uitwisseling en open publicatie", b.heading());

            b.select("exchange-from", String.valueOf(YEAR)).select("exchange-to", String.valueOf(YEAR));
            b.submit();
            b.waitForPage("/exchange?" + span);
            String report = b.waitFor(By.id("exchange-release-report")).getText();
            assertTrue(
                    report.startsWith("Wat de open publicatie generaliseert en achterhoudt")
                            && report.contains(
                                    N + " slachtoffers in de periode: " + N + " gepubliceerd, 0 achtergehouden"),
                    "the release's report, in Dutch: " + report);
            assertTrue(
                    b.waitFor(By.id("exchange-downloads"))
                            .getText()
                            .contains("geopend in " + YEAR + " tot en met " + YEAR),
                    "the period, in Dutch");
            for (String lang : List.of("nl", "en")) {
                b.language(lang);
                b.waitFor(By.id("exchange-release-report"));
                violations.addAll(b.axe("exchange"));
            }
            b.language("nl");
            b.screenshots("exchange");

            // Every file as the page's links fetch it, with the browser's session: the API's bytes.
            byte[] json = fetch(b, "exchange-htcds-json", "application/json");
            assertEquals(N, Api.JSON.readTree(json).get("records").size(), "one HTCDS record per victim");
            byte[] csv = fetch(b, "exchange-htcds-csv", "text/csv");
            assertEquals(N + 1, new String(csv, StandardCharsets.UTF_8).lines().count(), "header and one row each");
            assertArrayEquals(api.getBytes("api/exchange/htcds.csv?" + span), csv);
            byte[] xlsx =
                    fetch(b, "exchange-glotip", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
                assertEquals(
                        List.of("FORMAL_CONTACT", "PROSECUTED", "CONVICTED", "VICTIMS", "ARTICLES"),
                        wb.getSheets().map(sh -> sh.getName()).toList());
            }
            byte[] release = fetch(b, "exchange-release", "text/csv");
            List<String> rows =
                    new String(release, StandardCharsets.UTF_8).lines().skip(1).toList();
            assertEquals(N, rows.size(), "twelve alike: one class of twelve, all released");
            assertEquals(1, rows.stream().distinct().count());
            assertArrayEquals(api.getBytes("api/exchange/release.csv?" + span), release, "reproducible");
            assertEquals(
                    "release-" + YEAR + "-" + YEAR + ".csv",
                    b.driver.findElement(By.id("exchange-release")).getAttribute("download"));

            b.logout();
            b.login(worker, Scenario.PASSWORD, () -> {
                s.advanceClock(31);
                return s.totp(worker);
            });
            b.waitForPage("/cases");
            assertTrue(
                    b.driver
                            .findElements(By.cssSelector("a.navigation__link[href='#/exchange']"))
                            .isEmpty(),
                    "no exchange in a case worker's navigation");
            b.go("/exchange?" + span);
            assertEquals("Geen toegang", b.heading());
            assertTrue(!b.present(By.id("exchange-downloads")), "no files offered");
            Map<String, Object> refused = fetchStatus(b, "api/exchange/release.csv?" + span);
            assertEquals(403L, refused.get("status"), "and none given: " + refused);
            for (String lang : List.of("nl", "en")) {
                b.language(lang);
                violations.addAll(b.axe("exchange-refused"));
            }
            b.language("nl");
        }
        assertTrue(violations.isEmpty(), "axe: " + String.join("\n", violations));
    }

    /** The file behind the page's link, fetched by the page (status 200 and the media type checked). */
    private static byte[] fetch(Browser b, String linkId, String mediaType) {
        Map<String, Object> r =
                fetchStatus(b, b.driver.findElement(By.id(linkId)).getAttribute("href"));
        assertEquals(200L, r.get("status"), linkId + ": " + r);
        assertTrue(String.valueOf(r.get("type")).startsWith(mediaType), linkId + ": " + r.get("type"));
        assertTrue(
                String.valueOf(r.get("disposition")).startsWith("attachment; filename="),
                linkId + ": " + r.get("disposition"));
        return Base64.getDecoder().decode((String) r.get("body"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> fetchStatus(Browser b, String href) {
        return (Map<String, Object>) ((JavascriptExecutor) b.driver).executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        fetch(arguments[0]).then(async (r) => {
                          const bytes = new Uint8Array(await r.arrayBuffer());
                          let binary = '';
                          for (let i = 0; i < bytes.length; i += 8192) {
                            binary += String.fromCharCode(...bytes.subarray(i, i + 8192));
                          }
                          done({ status: r.status, type: r.headers.get('Content-Type'),
                            disposition: r.headers.get('Content-Disposition'), body: btoa(binary) });
                        }, (e) => done({ status: -1, error: String(e) }));
                        """, href);
    }
}
