package nl.ketenzicht.security;

/**
 * What an organisation with its own OpenID provider accepts as the second factor: the provider's
 * multi-factor login only ({@code acr}/{@code amr} must show it, else the login is refused), the
 * provider's when it shows one and else Ketenzicht's TOTP, or always Ketenzicht's TOTP.
 */
public enum SecondFactorPolicy {
    PROVIDER,
    PROVIDER_OR_TOTP,
    TOTP
}
