package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import nl.ketenzicht.identity.Role;
import org.junit.jupiter.api.Test;

/** Membership, role and second factor from a provider's claims, by the organisation's configuration only. */
class OidcMappingTest {

    static OidcProvider.Settings settings(
            List<String> domains,
            String orgClaim,
            String orgValue,
            Role fixed,
            Map<String, Role> mapping,
            List<String> acr) {
        return new OidcProvider.Settings(
                "https://login.example",
                "kz",
                "x",
                domains,
                orgClaim,
                orgValue,
                mapping.isEmpty() ? null : "roles",
                mapping,
                fixed,
                true,
                SecondFactorPolicy.PROVIDER,
                acr,
                true);
    }

    static final OidcProvider.Settings POLICE = settings(
            List.of("politie-a.test"),
            null,
            null,
            null,
            Map.of("kz-caseworker", Role.CASEWORKER, "kz-auditor", Role.AUDITOR),
            List.of("gold"));

    @Test
    void aVerifiedAddressInAnAllowedDomainIsAMember() {
        assertTrue(OidcMapping.member(POLICE, Map.of("email", "anna@Politie-A.test", "email_verified", true)));
        assertFalse(
                OidcMapping.member(POLICE, Map.of("email", "anna@politie-a.test", "email_verified", false)),
                "not verified");
        assertFalse(
                OidcMapping.member(POLICE, Map.of("email", "anna@zorg-b.test", "email_verified", true)),
                "organisation B's domain");
        assertFalse(OidcMapping.member(POLICE, Map.of("email", "anna@politie-a.test.evil", "email_verified", true)));
        assertFalse(OidcMapping.member(POLICE, Map.of("organisation", "politie-a")), "no address");
    }

    @Test
    void anOrganisationClaimMustCarryTheConfiguredValue() {
        OidcProvider.Settings s = settings(List.of(), "org", "POL-A", Role.CASEWORKER, Map.of(), List.of());
        assertTrue(OidcMapping.member(s, Map.of("org", "POL-A")));
        assertTrue(OidcMapping.member(s, Map.of("org", List.of("X", "POL-A"))));
        assertFalse(OidcMapping.member(s, Map.of("org", "POL-B")));
        assertFalse(
                OidcMapping.member(settings(List.of(), null, null, Role.CASEWORKER, Map.of(), List.of()), Map.of()),
                "no rule configured: nobody is a member");
    }

    @Test
    void theRoleComesFromTheMappingAndExactlyOneMustMap() {
        Map<String, Object> base = Map.of(
                "email", "a@politie-a.test", "email_verified", true, "roles", List.of("kz-auditor", "unrelated"));
        assertEquals(Role.AUDITOR, OidcMapping.map(POLICE, base).role());
        assertEquals(
                OidcRefusal.NO_ROLE,
                OidcMapping.map(
                                POLICE,
                                Map.of(
                                        "email",
                                        "a@politie-a.test",
                                        "email_verified",
                                        true,
                                        "roles",
                                        List.of("ADMIN", "ketenzicht-admin")))
                        .refusal(),
                "a value nobody mapped gives nothing");
        assertEquals(
                OidcRefusal.NO_ROLE,
                OidcMapping.map(
                                POLICE,
                                Map.of(
                                        "email",
                                        "a@politie-a.test",
                                        "email_verified",
                                        true,
                                        "roles",
                                        List.of("kz-auditor", "kz-caseworker")))
                        .refusal(),
                "two mapped roles are ambiguous");
        OidcProvider.Settings fixed =
                settings(List.of("politie-a.test"), null, null, Role.CASEWORKER, Map.of(), List.of());
        assertEquals(Role.CASEWORKER, OidcMapping.map(fixed, base).role(), "a fixed role ignores role claims");
        assertEquals(
                OidcRefusal.NOT_MEMBER,
                OidcMapping.map(
                                POLICE,
                                Map.of(
                                        "email",
                                        "c@zorg-b.test",
                                        "email_verified",
                                        true,
                                        "roles",
                                        List.of("kz-auditor")))
                        .refusal());
    }

    @Test
    void multiFactorIsTwoMethodsOrMfaInAmrOrAListedAcr() {
        assertTrue(OidcMapping.providerMfa(POLICE, Map.of("amr", List.of("pwd", "otp"))));
        assertTrue(OidcMapping.providerMfa(POLICE, Map.of("amr", List.of("mfa"))));
        assertTrue(OidcMapping.providerMfa(POLICE, Map.of("acr", "gold")));
        assertFalse(OidcMapping.providerMfa(POLICE, Map.of("amr", List.of("pwd"))));
        assertFalse(OidcMapping.providerMfa(POLICE, Map.of("amr", List.of("pwd", "pwd"), "acr", "1")));
        assertNull(OidcMapping.map(
                        POLICE, Map.of("email", "a@politie-a.test", "email_verified", true, "roles", "kz-caseworker"))
                .refusal());
    }
}
