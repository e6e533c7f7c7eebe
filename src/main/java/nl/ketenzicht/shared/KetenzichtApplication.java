package nl.ketenzicht.shared;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

import java.util.Map;

/** The JSON API under /api. Resources and providers are discovered. */
@ApplicationPath("/api")
@OpenAPIDefinition(info = @Info(title = "Ketenzicht API", version = "1",
        description = "Case tracking of the trafficking chain: cases, parties, aangifte, proceedings, care, reports."))
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.APIKEY,
                in = SecuritySchemeIn.COOKIE, apiKeyName = "KZ_SESSION"),
        @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")})
public class KetenzichtApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jackson instead of JSON-B: it reports the path of an unknown or mistyped field.
        return Map.of("jersey.config.jsonFeature", "JacksonFeature");
    }
}
