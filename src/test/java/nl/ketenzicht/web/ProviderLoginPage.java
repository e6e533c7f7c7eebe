package nl.ketenzicht.web;

import java.net.URL;
import java.util.function.Supplier;
import org.openqa.selenium.By;

/**
 * The browser side of a login through an organisation's provider, for the OIDC tests: Ketenzicht's
 * login page with the organisation's code, the provider's own pages (Keycloak: user name and password,
 * then the OTP code), back to the role's first page, and logout at both.
 */
public final class ProviderLoginPage {

    private ProviderLoginPage() {}

    /** What the user saw: the page after login, the header (user, role, organisation), the page after logout. */
    public record Seen(
            String pageAfterLogin, String header, String heading, String urlAfterLogout, String pageAfterLogout) {}

    public static Seen loginAndOut(
            URL deployment, String organisationCode, String username, String password, Supplier<String> otp) {
        try (Browser b = Browser.open(deployment, "oidc")) {
            b.go("/login").type("login-username", organisationCode).submit();
            b.type("username", username).type("password", password).click(By.id("kc-login"));
            b.type("otp", otp.get()).click(By.id("kc-login"));
            String page = b.waitForPageMatching("/cases.*");
            String header = b.waitFor(By.cssSelector(".header__user")).getText();
            String heading = b.heading();
            b.screenshots("oidc-login-case-list");
            b.click("logout");
            b.waitForPage("/login");
            return new Seen(page, header, heading, b.driver.getCurrentUrl(), (String)
                    b.js("return document.body.dataset.rendered"));
        }
    }
}
