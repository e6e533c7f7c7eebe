package nl.ketenzicht.shared;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The JSON API under /api. Resources and providers are discovered. */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Ketenzicht API",
                        version = "1",
                        description =
                                "Case tracking of the trafficking chain: cases, parties, aangifte, proceedings, care, reports. "
                                        + "Partner systems send an API token (Authorization: Bearer); people log in with password and TOTP "
                                        + "(auth/login, then auth/second-factor) and send the session cookie with X-CSRF-Token on every change. "
                                        + "Errors are application/problem+json with a message code per problem and per field.",
                        // The repository's LICENSE; OpenAPI 3.0 has no SPDX identifier field, so the name is the
                        // identifier
                        license =
                                @License(
                                        name = "EUPL-1.2",
                                        url = "https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12")),
        servers = @Server(url = "/", description = "The server that serves this document"),
        tags = {
            @Tag(
                    name = "Administration",
                    description = "Users, organisations and API tokens (administrators; no case content)."),
            @Tag(
                    name = "Audit",
                    description = "The access log, one victim's access overview and the hash-chain check (auditors)."),
            @Tag(
                    name = "Authentication",
                    description = "Login with password and TOTP, enrolment, recovery codes, logout."),
            @Tag(
                    name = "Break-glass",
                    description = "Temporary access to a case outside the organisation's scope, with a stated reason."),
            @Tag(name = "Care", description = "Runaway episodes and care referrals of a victim."),
            @Tag(
                    name = "Cases",
                    description =
                            "Cases: opening, editing (with If-Match), closing, sharing and the whole chain of a case."),
            @Tag(
                    name = "Context",
                    description =
                            "Context per year, kept by coordinators: capacity per police unit, local priority per municipality, programmes and pilots."),
            @Tag(
                    name = "Dark number",
                    description =
                            "Registrations' overlap between partners and the multiple systems estimate (coordinators)."),
            @Tag(
                    name = "Imports",
                    description =
                            "Bulk import of a partner's case file (CSV or XLSX): upload, preview, commit per case or all or nothing, progress, problems and refused rows."),
            @Tag(
                    name = "Indicators",
                    description =
                            "Indicators over the report counters with yearly targets, and actual against target."),
            @Tag(
                    name = "Interface texts",
                    description = "The texts of the user interface and of the message codes, per language."),
            @Tag(
                    name = "Parties",
                    description = "Victims, suspects and clients of a case, and a victim's aangifte history."),
            @Tag(
                    name = "Proceedings",
                    description =
                            "The chain events of a suspect or client: in view, OM inflow, decision, summons, verdict."),
            @Tag(
                    name = "Reference data",
                    description = "Municipalities, regions, articles of law and the code lists that requests use."),
            @Tag(
                    name = "Registrations",
                    description = "Partners' registrations of possible victims for the dark-number linkage."),
            @Tag(
                    name = "Reports",
                    description =
                            "Aggregated, disclosure-controlled reports for coordinators, with CSV, XLSX and print views."),
            @Tag(
                    name = "Monitor",
                    description =
                            "The programme monitor: every concern of the programme for one year from the reports' published figures, as JSON and PDF."),
            @Tag(
                    name = "Exchange",
                    description =
                            "Exchange and publication for national coordinators: HTCDS records, the UNODC GLOTIP and Eurostat tables, and the k-anonymous open release.")
        })
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "session",
            type = SecuritySchemeType.APIKEY,
            in = SecuritySchemeIn.COOKIE,
            apiKeyName = "KZ_SESSION"),
    @SecurityScheme(securitySchemeName = "token", type = SecuritySchemeType.HTTP, scheme = "bearer")
})
public class KetenzichtApplication extends Application {

    @Override
    public Map<String, Object> getProperties() {
        // Jackson instead of JSON-B: it reports the path of an unknown or mistyped field.
        return Map.of("jersey.config.jsonFeature", "JacksonFeature");
    }
}
