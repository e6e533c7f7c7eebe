package nl.ketenzicht.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ID token check of {@link OidcClient} with tokens made here, signed by keys the test holds:
 * each forgery a provider's answer could carry is refused, and named as the access log and the
 * user's message name it. The checks themselves are Nimbus's; this pins our configuration of them
 * (accepted algorithms, issuer, audience, skew) and the mapping of its messages to refusals.
 */
class OidcClientTest {

    static final String ISSUER = "https://login.example/realms/ketenzicht";
    static final String CLIENT = "ketenzicht";
    static RSAKey key;
    static RSAKey otherKey;
    static IDTokenValidator validator;

    @BeforeAll
    static void keys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        validator = OidcClient.validator(
                new Issuer(ISSUER),
                new ClientID(CLIENT),
                new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK())),
                Duration.ofSeconds(30));
    }

    static JWTClaimsSet.Builder claims(String nonce) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(CLIENT)
                .subject("user-1")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", nonce);
    }

    static JWT signed(RSAKey by, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(by.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(by));
        return jwt;
    }

    static OidcRefusal check(JWT token) {
        return OidcClient.verify(validator, token, new Nonce("n-1")).refusal();
    }

    @Test
    void aTokenOfTheProviderForThisClientWithTheNonceIsAccepted() throws Exception {
        OidcClient.Verified v =
                OidcClient.verify(validator, signed(key, claims("n-1").build()), new Nonce("n-1"));
        assertNull(v.refusal(), String.valueOf(v.detail()));
        assertEquals("user-1", v.claims().get("sub"));
    }

    @Test
    void wrongIssuerAudienceExpiryAndNonceAreRefusedByName() throws Exception {
        assertEquals(
                OidcRefusal.WRONG_ISSUER,
                check(signed(
                        key,
                        claims("n-1")
                                .issuer("https://evil.example/realms/ketenzicht")
                                .build())));
        assertEquals(
                OidcRefusal.WRONG_AUDIENCE,
                check(signed(key, claims("n-1").audience("other-application").build())));
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertEquals(
                OidcRefusal.EXPIRED,
                check(signed(
                        key,
                        claims("n-1")
                                .issueTime(Date.from(past.minusSeconds(300)))
                                .expirationTime(Date.from(past))
                                .build())));
        assertEquals(OidcRefusal.NONCE, check(signed(key, claims("n-other").build())));
    }

    @Test
    void unsignedHmacKeyConfusionAndForeignKeysAreRefused() throws Exception {
        assertEquals(OidcRefusal.SIGNATURE, check(new PlainJWT(claims("n-1").build())), "alg none");
        // The classic confusion: HS256 "signed" with the provider's public key as the shared secret.
        SignedJWT hmac = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(),
                claims("n-1").build());
        hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
        assertEquals(OidcRefusal.SIGNATURE, check(hmac), "HMAC with the public key");
        assertEquals(
                OidcRefusal.SIGNATURE,
                check(signed(otherKey, claims("n-1").build())),
                "another key under the same key id");
    }

    /** The provider rotates its key: a token under the new key id makes us fetch the JWKS again. */
    @Test
    void aRotatedKeyIsFetchedFromTheProvidersJwks() throws Exception {
        RSAKey next = new RSAKeyGenerator(2048).keyID("k2").generate();
        AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key.toPublicJWK()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/jwks", exchange -> {
            byte[] body = published.get().toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            IDTokenValidator remote = OidcClient.validator(
                    new Issuer(ISSUER),
                    new ClientID(CLIENT),
                    OidcClient.keys(
                            new URL("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks")),
                    Duration.ofSeconds(30));
            assertNull(OidcClient.verify(remote, signed(key, claims("n-1").build()), new Nonce("n-1"))
                    .refusal());
            published.set(new JWKSet(java.util.List.of(next.toPublicJWK(), key.toPublicJWK())));
            Thread.sleep(OidcClient.KEY_REFRESH_INTERVAL_MS + 200);
            OidcClient.Verified rotated =
                    OidcClient.verify(remote, signed(next, claims("n-1").build()), new Nonce("n-1"));
            assertNull(rotated.refusal(), String.valueOf(rotated.detail()));
            published.set(new JWKSet(next.toPublicJWK()));
            Thread.sleep(OidcClient.KEY_REFRESH_INTERVAL_MS + 200);
            assertEquals(
                    OidcRefusal.SIGNATURE,
                    OidcClient.verify(remote, signed(otherKey, claims("n-1").build()), new Nonce("n-1"))
                            .refusal(),
                    "a key the provider does not publish is refused after the fetch");
        } finally {
            server.stop(0);
        }
    }
}
