package nl.ketenzicht.oidc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import nl.ketenzicht.support.Api;

/**
 * A provider in the middle, for the refusals a real provider never produces: it publishes Keycloak's
 * discovery document under an issuer of its own, its keys plus one of its own, sends the browser to
 * Keycloak's real login page, passes the code exchange to Keycloak and then answers with an ID
 * token of the chosen {@link Forgery}, made from Keycloak's real one (same user, same nonce).
 */
final class ForgingProvider implements AutoCloseable {

    enum Forgery {
        /** Keycloak's claims, re-signed with our published key under our issuer: must be accepted (the control). */
        NONE,
        /** Keycloak's own token, untouched: signed by a published key, but its issuer is not ours. */
        WRONG_ISSUER,
        WRONG_AUDIENCE,
        EXPIRED,
        /** {@code alg: none}. */
        UNSIGNED,
        /** HS256 with our published RSA public key as the HMAC secret. */
        HMAC_WITH_PUBLIC_KEY
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final HttpServer server;
    private final String keycloakIssuer;
    private final RSAKey key;
    volatile Forgery forgery = Forgery.NONE;

    ForgingProvider(String keycloakIssuer) throws Exception {
        this.keycloakIssuer = keycloakIssuer;
        this.key = new RSAKeyGenerator(2048).keyID("forger").generate();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realm/.well-known/openid-configuration", this::discovery);
        server.createContext("/realm/jwks", this::jwks);
        server.createContext("/realm/token", this::token);
        server.start();
    }

    String issuer() {
        return "http://localhost:" + server.getAddress().getPort() + "/realm";
    }

    private void discovery(HttpExchange x) throws IOException {
        ObjectNode d = (ObjectNode) Api.JSON.readTree(get(keycloakIssuer + "/.well-known/openid-configuration"));
        d.put("issuer", issuer());
        d.put("jwks_uri", issuer() + "/jwks");
        d.put("token_endpoint", issuer() + "/token");
        answer(x, 200, d.toString());
    }

    private void jwks(HttpExchange x) throws IOException {
        try {
            JWKSet keycloak = JWKSet.parse(get(keycloakIssuer + "/protocol/openid-connect/certs"));
            List<com.nimbusds.jose.jwk.JWK> keys = new ArrayList<>(keycloak.getKeys());
            keys.add(key.toPublicJWK());
            answer(x, 200, new JWKSet(keys).toString());
        } catch (java.text.ParseException e) {
            answer(x, 500, "{}");
        }
    }

    private void token(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        HttpRequest.Builder forward = HttpRequest.newBuilder(
                        URI.create(keycloakIssuer + "/protocol/openid-connect/token"))
                .header("Content-Type", x.getRequestHeaders().getFirst("Content-Type"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        String auth = x.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            forward.header("Authorization", auth);
        }
        try {
            HttpResponse<String> r = HTTP.send(forward.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                answer(x, r.statusCode(), r.body());
                return;
            }
            ObjectNode tokens = (ObjectNode) Api.JSON.readTree(r.body());
            tokens.put("id_token", forge(tokens.get("id_token").asText()));
            answer(x, 200, tokens.toString());
        } catch (Exception e) {
            answer(x, 500, "{\"error\":\"server_error\"}");
        }
    }

    private String forge(String real) throws Exception {
        if (forgery == Forgery.WRONG_ISSUER) {
            return real;
        }
        JWTClaimsSet claims = SignedJWT.parse(real).getJWTClaimsSet();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder(claims).issuer(issuer());
        Instant now = Instant.now();
        switch (forgery) {
            case WRONG_AUDIENCE -> b.audience("other-application").claim("azp", "other-application");
            case EXPIRED ->
                b.issueTime(Date.from(now.minusSeconds(900))).expirationTime(Date.from(now.minusSeconds(600)));
            default -> {}
        }
        JWTClaimsSet forged = b.build();
        if (forgery == Forgery.UNSIGNED) {
            return new PlainJWT(forged).serialize();
        }
        if (forgery == Forgery.HMAC_WITH_PUBLIC_KEY) {
            SignedJWT hmac = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256)
                            .keyID(key.getKeyID())
                            .build(),
                    forged);
            hmac.sign(new MACSigner(key.toPublicJWK().toRSAPublicKey().getEncoded()));
            return hmac.serialize();
        }
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), forged);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String get(String url) throws IOException {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(status, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
