package nl.ketenzicht.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.LogoutRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The relying party's side of OpenID Connect, through the Nimbus OAuth 2.0 SDK: the provider's
 * metadata (discovery, whose issuer must equal the configured one), the authorization request with
 * PKCE (S256), state and nonce, the code exchange with the client secret, and the ID token's check:
 * signature by a key of the provider's JWKS (fetched, cached and fetched again on an unknown key id,
 * so the provider may rotate keys), issuer, audience, expiry and nonce. Only asymmetric signature
 * algorithms are accepted, so {@code alg: none} and an HMAC signed with the provider's public key are
 * refused.
 */
@ApplicationScoped
public class OidcClient {

    /** The algorithms providers sign ID tokens with; no "none", no HS*: no key confusion. */
    static final Set<JWSAlgorithm> ACCEPTED = Set.of(
            JWSAlgorithm.RS256,
            JWSAlgorithm.RS384,
            JWSAlgorithm.RS512,
            JWSAlgorithm.PS256,
            JWSAlgorithm.PS384,
            JWSAlgorithm.PS512,
            JWSAlgorithm.ES256,
            JWSAlgorithm.ES384,
            JWSAlgorithm.ES512,
            JWSAlgorithm.EdDSA);

    private static final int TIMEOUT_MS = 5000;
    static final long KEY_REFRESH_INTERVAL_MS = 2000;
    private static final Duration METADATA_LIFETIME = Duration.ofHours(1);

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "ketenzicht.oidc.clock-skew", defaultValue = "PT30S")
    Duration clockSkew;

    private final Map<String, Provider> providers = new ConcurrentHashMap<>();

    /** Where to send the browser: the provider's authorization endpoint with PKCE, state and nonce. */
    public URI authorizationUri(OidcProvider p, URI redirect, State state, Nonce nonce, CodeVerifier verifier) {
        return new AuthenticationRequest.Builder(
                        new ResponseType(ResponseType.Value.CODE),
                        new Scope("openid", "email", "profile"),
                        new ClientID(p.clientId()),
                        redirect)
                .endpointURI(provider(p).metadata().getAuthorizationEndpointURI())
                .state(state)
                .nonce(nonce)
                .codeChallenge(verifier, CodeChallengeMethod.S256)
                .build()
                .toURI();
    }

    /** Exchanges the code for tokens and checks the ID token; the verified claims, or why they were refused. */
    public Verified exchange(
            OidcProvider p, Secret secret, URI redirect, String code, CodeVerifier verifier, Nonce nonce) {
        Provider provider = provider(p);
        TokenResponse response;
        try {
            TokenRequest request = new TokenRequest(
                    provider.metadata().getTokenEndpointURI(),
                    new ClientSecretBasic(new ClientID(p.clientId()), secret),
                    new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, verifier));
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MS);
            http.setReadTimeout(TIMEOUT_MS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException e) {
            throw new Unavailable(
                    "token endpoint not reachable: " + e.getClass().getSimpleName());
        } catch (ParseException e) {
            return Verified.refused(OidcRefusal.PROVIDER_ERROR, "token response not readable");
        }
        if (!response.indicatesSuccess()) {
            String error = response.toErrorResponse().getErrorObject().getCode();
            return Verified.refused(OidcRefusal.PROVIDER_ERROR, "token endpoint: " + error);
        }
        JWT idToken = ((OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens()
                .getIDToken();
        return verify(provider.validator(), idToken, nonce);
    }

    /** The ID token's check alone (unit tests give it their own keys). */
    static Verified verify(IDTokenValidator validator, JWT idToken, Nonce nonce) {
        try {
            return new Verified(null, null, validator.validate(idToken, nonce).toJSONObject(), idToken.serialize());
        } catch (BadJOSEException | JOSEException e) {
            OidcRefusal why = classify(e.getMessage());
            return Verified.refused(why, why.reason());
        }
    }

    /**
     * Which check failed, from the SDK's message (its claim checks name the claim: "Unexpected JWT
     * issuer", "...audience", "Expired JWT", "...nonce"); a failed signature or key selection,
     * an unsigned token and an unexpected algorithm are all a signature refusal. OidcClientTest
     * pins each message to its refusal.
     */
    static OidcRefusal classify(String message) {
        String m = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("issuer")) {
            return OidcRefusal.WRONG_ISSUER;
        }
        if (m.contains("audience")) {
            return OidcRefusal.WRONG_AUDIENCE;
        }
        if (m.contains("expired") || m.contains("issue time") || m.contains("before use time")) {
            return OidcRefusal.EXPIRED;
        }
        if (m.contains("nonce")) {
            return OidcRefusal.NONCE;
        }
        return OidcRefusal.SIGNATURE;
    }

    /** RP-initiated logout at the provider, when it publishes an end-session endpoint. */
    public Optional<URI> logoutUri(OidcProvider p, String idToken, URI afterLogout) {
        try {
            URI endpoint = provider(p).metadata().getEndSessionEndpointURI();
            if (endpoint == null) {
                return Optional.empty();
            }
            JWT hint = idToken == null ? null : JWTParser.parse(idToken);
            return Optional.of(new LogoutRequest(endpoint, hint, afterLogout, new State()).toURI());
        } catch (java.text.ParseException | Unavailable e) {
            return Optional.empty();
        }
    }

    /**
     * The provider's keys: cached, fetched again when a token names a key id not in the cache (a
     * rotation), at most once per {@link #KEY_REFRESH_INTERVAL_MS} so that forged key ids cannot make
     * us hammer the provider.
     */
    static JWKSource<SecurityContext> keys(URL jwks) {
        return JWKSourceBuilder.create(jwks, new DefaultResourceRetriever(TIMEOUT_MS, TIMEOUT_MS, 256 * 1024))
                .rateLimited(KEY_REFRESH_INTERVAL_MS)
                .retrying(true)
                .build();
    }

    static IDTokenValidator validator(Issuer issuer, ClientID client, JWKSource<SecurityContext> keys, Duration skew) {
        IDTokenValidator v =
                new IDTokenValidator(issuer, client, new JWSVerificationKeySelector<>(ACCEPTED, keys), null);
        v.setMaxClockSkew((int) skew.toSeconds());
        return v;
    }

    private Provider provider(OidcProvider p) {
        String key = p.issuer() + " " + p.clientId();
        Instant now = clock.instant();
        Provider cached = providers.get(key);
        if (cached != null && now.isBefore(cached.fetchedAt().plus(METADATA_LIFETIME))) {
            return cached;
        }
        Provider fresh = discover(p, now);
        providers.put(key, fresh);
        return fresh;
    }

    private Provider discover(OidcProvider p, Instant now) {
        OIDCProviderMetadata metadata;
        try {
            // Nimbus refuses metadata whose issuer differs from the one asked for (mix-up, wrong issuer).
            metadata = OIDCProviderMetadata.resolve(new Issuer(p.issuer()), TIMEOUT_MS, TIMEOUT_MS);
        } catch (GeneralException | IOException e) {
            throw new Unavailable(
                    "discovery of " + p.issuer() + " failed: " + e.getClass().getSimpleName());
        }
        URL jwks;
        try {
            jwks = metadata.getJWKSetURI().toURL();
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new Unavailable("the provider publishes no usable jwks_uri");
        }
        return new Provider(
                metadata, validator(metadata.getIssuer(), new ClientID(p.clientId()), keys(jwks), clockSkew), now);
    }

    /** Forgets cached metadata and keys, e.g. after an administrator changed the configuration. */
    public void forget(OidcProvider p) {
        providers.keySet().removeIf(k -> k.startsWith(p.issuer() + " "));
    }

    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator, Instant fetchedAt) {}

    /** Verified claims and the raw ID token, or the refusal. */
    public record Verified(OidcRefusal refusal, String detail, Map<String, Object> claims, String idToken) {
        static Verified refused(OidcRefusal why, String detail) {
            return new Verified(why, detail, Map.of(), null);
        }
    }

    /** The provider could not be reached or gave no usable metadata. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }
}
