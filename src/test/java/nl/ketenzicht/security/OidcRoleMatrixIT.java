package nl.ketenzicht.security;

import java.net.URL;
import nl.ketenzicht.oidc.OidcScenario;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Keycloak;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The role × endpoint matrix of {@link RoleMatrixIT} (the same table, the same fixtures) with every
 * person logged in at their organisation's OpenID provider, a real Keycloak: the answers must be the
 * table's, that is, no different from password users'. Runs in the failsafe execution "oidc".
 */
@ExtendWith(ArquillianExtension.class)
class OidcRoleMatrixIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        Keycloak.launch();
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @Test
    void everyCallerOfAProviderGetsWhatPasswordUsersGet() throws Exception {
        Keycloak keycloak = Keycloak.get();
        RoleMatrixIT.checkEveryCell(
                RoleMatrixIT.World.build(new OidcScenario(base, keycloak), base, b -> new OidcScenario(b, keycloak)),
                "OidcRoleMatrixIT");
    }
}
