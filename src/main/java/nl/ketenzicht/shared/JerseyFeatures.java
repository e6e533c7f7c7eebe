package nl.ketenzicht.shared;

import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

/**
 * Jackson without its own exception mappers (ours answer with problem documents), and enforcement of
 * {@code @RolesAllowed}/{@code @PermitAll} on resource methods.
 */
@Provider
public class JerseyFeatures implements Feature {

    @Override
    public boolean configure(FeatureContext context) {
        context.register(JacksonFeature.withoutExceptionMappers());
        context.register(RolesAllowedDynamicFeature.class);
        return true;
    }
}
