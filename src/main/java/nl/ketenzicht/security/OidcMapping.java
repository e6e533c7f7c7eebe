package nl.ketenzicht.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.identity.Role;

/**
 * From a verified ID token's claims to Ketenzicht's terms, by the organisation's configuration only:
 * whether the provider's user belongs to the organisation, which role they get and whether the
 * provider's login counted as multi-factor. Nothing here comes from a claim the user can choose: the
 * organisation is the one whose provider the login went through, and a claim only ever selects among
 * what the administrator mapped.
 */
final class OidcMapping {

    private OidcMapping() {}

    static Result map(OidcProvider.Settings s, Map<String, Object> claims) {
        if (!member(s, claims)) {
            return Result.refused(OidcRefusal.NOT_MEMBER);
        }
        Role role = s.fixedRole() != null ? s.fixedRole() : mappedRole(s, claims);
        if (role == null) {
            return Result.refused(OidcRefusal.NO_ROLE);
        }
        return new Result(null, role, providerMfa(s, claims));
    }

    /** Every configured check must hold: a verified e-mail address in an allowed domain, the organisation claim's value. */
    static boolean member(OidcProvider.Settings s, Map<String, Object> claims) {
        boolean checked = false;
        if (!s.emailDomains().isEmpty()) {
            checked = true;
            Object email = claims.get("email");
            if (!(email instanceof String e)
                    || !Boolean.TRUE.equals(claims.get("email_verified"))
                    || e.indexOf('@') < 1) {
                return false;
            }
            String domain = e.substring(e.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (s.emailDomains().stream().noneMatch(d -> d.equalsIgnoreCase(domain))) {
                return false;
            }
        }
        if (s.organisationClaim() != null) {
            checked = true;
            if (!values(claims.get(s.organisationClaim())).contains(s.organisationClaimValue())) {
                return false;
            }
        }
        return checked;
    }

    private static Role mappedRole(OidcProvider.Settings s, Map<String, Object> claims) {
        if (s.roleClaim() == null) {
            return null;
        }
        Set<Role> roles = new TreeSet<>();
        for (String v : values(claims.get(s.roleClaim()))) {
            Role r = s.roleMapping().get(v);
            if (r != null) {
                roles.add(r);
            }
        }
        // Two mapped roles are a configuration the administrator must resolve, not a choice for us.
        return roles.size() == 1 ? roles.iterator().next() : null;
    }

    /**
     * RFC 8176: {@code amr} "mfa", or two or more different methods (e.g. "pwd" and "otp"); or an
     * {@code acr} value the organisation lists as multi-factor.
     */
    static boolean providerMfa(OidcProvider.Settings s, Map<String, Object> claims) {
        List<String> amr = values(claims.get("amr"));
        if (amr.contains("mfa") || new TreeSet<>(amr).size() >= 2) {
            return true;
        }
        Object acr = claims.get("acr");
        return acr instanceof String a && s.mfaAcrValues().contains(a);
    }

    private static List<String> values(Object claim) {
        if (claim instanceof String s) {
            return List.of(s);
        }
        if (claim instanceof Collection<?> c) {
            return c.stream()
                    .filter(String.class::isInstance)
                    .map(String.class::cast)
                    .toList();
        }
        return List.of();
    }

    record Result(OidcRefusal refusal, Role role, boolean providerMfa) {
        static Result refused(OidcRefusal why) {
            return new Result(why, null, false);
        }
    }
}
