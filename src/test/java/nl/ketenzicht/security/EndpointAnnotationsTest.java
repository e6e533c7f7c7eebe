package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.support.ResourceModel;
import nl.ketenzicht.support.ResourceModel.Access;
import nl.ketenzicht.support.ResourceModel.Endpoint;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint says who may call it. Without {@code @RolesAllowed}, {@code @PermitAll} or
 * {@code @DenyAll} on the method or its class an endpoint would be open to any caller, so a
 * forgotten annotation fails the build here, naming the method.
 */
class EndpointAnnotationsTest {

    /**
     * The only endpoints open without a session: the steps of logging in, which run before one
     * exists (see {@link AuthResource}). Enrolment and the second factor need the pending session
     * today; they are listed so that they may be opened if the login flow changes.
     */
    static final Set<String> PERMIT_ALL = Set.of(
            "POST /api/auth/login",
            "POST /api/auth/second-factor",
            "POST /api/auth/enrolment",
            // login through the organisation's own provider: before anyone is known (state, nonce and PKCE protect it)
            "POST /api/auth/login-method",
            "POST /api/auth/oidc/start",
            "GET /api/auth/oidc/callback",
            // the interface texts are needed before login and hold nothing confidential
            "GET /api/i18n/{locale}");

    /** The roles of the application: web.xml's security roles. */
    static final Set<String> ROLES = Stream.concat(
                    Arrays.stream(Role.values()).map(Role::name), Stream.of(Role.PENDING_TOTP))
            .collect(Collectors.toSet());

    private final ResourceModel model = ResourceModel.application();

    @Test
    void theModelSeesTheApplication() {
        Set<String> keys = model.endpoints().stream().map(Endpoint::key).collect(Collectors.toSet());
        assertTrue(
                keys.containsAll(Set.of(
                        "POST /api/auth/login",
                        "GET /api/auth/me",
                        "PUT /api/admin/users/{id}",
                        "GET /api/reference/codes/{list}")),
                "scanning target/classes found " + keys);
    }

    @Test
    void everyEndpointDeclaresItsCallers() {
        List<String> undeclared = Stream.concat(model.endpoints().stream(), model.locators().stream())
                .filter(e -> e.access() == Access.UNDECLARED)
                .map(e -> e + ": add @RolesAllowed, @PermitAll or @DenyAll to the method or its class")
                .toList();
        assertNone(undeclared);
    }

    @Test
    void permitAllOnlyOnTheLoginSteps() {
        List<String> open = model.endpoints().stream()
                .filter(e -> e.access() == Access.PERMIT_ALL && !PERMIT_ALL.contains(e.key()))
                .map(e -> e + " is @PermitAll but not on the allow-list EndpointAnnotationsTest.PERMIT_ALL")
                .toList();
        assertNone(open);
    }

    @Test
    void rolesAreRolesOfTheApplication() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : model.endpoints()) {
            if (e.access() == Access.ROLES && e.roles().isEmpty()) {
                wrong.add(e + ": @RolesAllowed({}) lets nobody in; say @DenyAll");
            }
            e.roles().stream().filter(r -> !ROLES.contains(r)).forEach(r -> wrong.add(e + ": unknown role " + r));
        }
        assertNone(wrong);
    }

    private static void assertNone(List<String> violations) {
        if (!violations.isEmpty()) {
            fail(violations.size() + " endpoint(s):\n" + String.join("\n", violations));
        }
    }
}
