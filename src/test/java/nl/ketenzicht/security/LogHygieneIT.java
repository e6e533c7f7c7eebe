package nl.ketenzicht.security;

import static nl.ketenzicht.support.ChainData.aCase;
import static nl.ketenzicht.support.ChainData.aVictim;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.support.ChainData;
import nl.ketenzicht.support.Db;
import nl.ketenzicht.support.Deployments;
import nl.ketenzicht.support.Json;
import nl.ketenzicht.support.Scenario;
import nl.ketenzicht.support.ServerLog;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What reaches the server log (security.md): user text can never forge a log line (CR, LF and other
 * control characters are escaped), and no name or identifying value sent to the API shows up in the
 * log at all, nor anywhere in a database dump outside the columns that hold it on purpose. The server
 * log is Payara Micro's console, which Arquillian copies to this JVM's output ({@link ServerLog}).
 */
@ExtendWith(ArquillianExtension.class)
class LogHygieneIT {

    private static final String FORGED_PREFIX = "[2026-01-01T00:00:00.000+0000] [] [SEVERE] [] [nl.ketenzicht.Forged] ";
    /** A made-up name, spelled so that it occurs nowhere by chance. */
    private static final String NAME = "Qwyneth Zandvoorterbeek";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.war();
    }

    @ArquillianResource
    URL base;

    @BeforeAll
    static void readTheServerLog() {
        ServerLog.capture();
    }

    @AfterAll
    static void stopReading() {
        ServerLog.release();
    }

    @Test
    void userTextCannotForgeALogLine() throws Exception {
        Scenario s = new Scenario(base);
        Api anonymous = s.anonymous();
        Api.Reply login = anonymous.post(
                "api/auth/login",
                Json.of("username", "mallory\r\n" + FORGED_PREFIX + "FORGED-LOGIN", "password", "wrong-password-123"));
        assertTrue(login.status() >= 400 && login.status() < 500, login.toString());
        String path = URLEncoder.encode("1\r\n" + FORGED_PREFIX + "FORGED-PATH", StandardCharsets.UTF_8)
                .replace("+", "%20");
        int pathStatus = s.admin().get("api/cases/" + path).status();
        assertTrue(pathStatus >= 400 && pathStatus < 500, "path with CR/LF: " + pathStatus);
        String header = raw("GET /api/cases HTTP/1.1\r\nHost: localhost\r\nUser-Agent: x\r" + FORGED_PREFIX
                + "FORGED-HEADER\r\nX-Correlation-Id: abcdefgh\u000b" + FORGED_PREFIX
                + "FORGED-HEADER2\r\nConnection: close\r\n\r\n");
        assertFalse(header.startsWith("HTTP/1.1 5"), "a header with a bare CR: " + header);
        // An exception message quoting user input, logged with its stack trace: the path that reaches the log for sure.
        String detail = URLEncoder.encode(
                "\r\n" + FORGED_PREFIX + "FORGED-EXCEPTION\n\u001b[31mFORGED-ANSI", StandardCharsets.UTF_8);
        assertEquals(500, anonymous.get("api/test/failure?detail=" + detail).status());

        String log = ServerLog.await("FORGED-EXCEPTION");
        assertTrue(
                log.contains("\\r\\n" + FORGED_PREFIX + "FORGED-EXCEPTION"), "the quoted input is in the log, escaped");
        for (String line : log.split("\\R")) {
            String bare = line.replaceAll("^\\s+", "");
            assertFalse(
                    bare.startsWith(FORGED_PREFIX.substring(0, 20))
                            || bare.startsWith("FORGED")
                            || line.contains("\u001b[31mFORGED"),
                    "a forged log line: " + line);
        }
    }

    @Test
    void noNameReachesTheServerLogOrAnyColumnNotMeantForIt() throws Exception {
        Scenario s = new Scenario(base);
        long org = s.organisation("POLICE", "LB");
        long partner = s.organisation("CARE", null);
        Api w = s.caseworker(org);
        String[] parts = NAME.split(" ");
        List<Api.Reply> replies = new ArrayList<>();
        replies.add(w.post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2023-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        parts[0],
                        "familyName",
                        parts[1],
                        "birthDate",
                        "2004-02-17",
                        "gender",
                        "FEMALE")));
        replies.add(w.post(
                "api/registrations",
                Json.of(
                        "registeredOn",
                        "2023-05-01",
                        "municipalityCode",
                        "GM0363",
                        "firstName",
                        parts[0],
                        "familyName",
                        parts[1],
                        "birthDate",
                        "2004-02-30",
                        "gender",
                        NAME)));
        long caseId = w.post("api/cases", aCase()).json().get("id").asLong();
        replies.add(w.post("api/cases/" + caseId + "/victims", Json.with(aVictim(), "partnerReference", NAME)));
        replies.add(w.post(
                "api/cases/" + caseId + "/victims",
                Json.with(aVictim(), "nationality", NAME, "recruitmentChannel", NAME)));
        replies.add(w.post("api/cases/" + caseId + "/victims", Json.with(aVictim(), "name", NAME)));
        replies.add(w.post(
                "api/cases/" + caseId + "/shares",
                Json.with(ChainData.aShare(partner, "READ", s.today().plusDays(30)), "purpose", "Care for " + NAME)));
        replies.add(w.post(
                "api/cases/" + caseId + "/shares",
                Json.with(
                        ChainData.aShare(partner, "READ", s.today().plusDays(30)),
                        "organisationId",
                        NAME,
                        "purpose",
                        NAME)));
        replies.add(w.send("POST", "api/cases", "{\"municipalityCode\": \"" + NAME + "\", ", Map.of()));
        assertEquals(201, replies.get(0).status(), replies.get(0).toString());
        assertEquals(201, replies.get(2).status(), replies.get(2).toString());
        assertEquals(201, replies.get(5).status(), replies.get(5).toString());
        for (Api.Reply r : replies) {
            assertTrue(r.status() < 500, "never a 500: " + r);
        }
        String marker = "log-marker-" + System.nanoTime();
        s.anonymous().get("api/test/failure?detail=" + marker);
        String log = ServerLog.await(marker).toLowerCase(Locale.ROOT);
        for (String part : parts) {
            assertFalse(log.contains(part.toLowerCase(Locale.ROOT)), "the server log contains '" + part + "'");
        }

        List<String> hits = new ArrayList<>();
        for (String line : dump().split("\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            for (String part : parts) {
                if (lower.contains(part.toLowerCase(Locale.ROOT)) && !meantToHoldIt(line)) {
                    hits.add(line.substring(0, Math.min(80, line.length())) + "… ~ " + part);
                }
            }
        }
        assertTrue(hits.isEmpty(), "the name is in the database outside the columns meant for it: " + hits);
        assertEquals(
                1, Db.count("party_reference WHERE partner_reference = '" + NAME + "'"), "stored where it belongs");
    }

    /**
     * The partner's own reference and a share's stated purpose are stored as typed; the purpose is
     * also the NEN 7513 purpose of the share's access-log row. Nothing else may hold the name.
     */
    private static boolean meantToHoldIt(String insert) {
        return insert.startsWith("INSERT INTO `party_reference`")
                || insert.startsWith("INSERT INTO `case_share`")
                || insert.startsWith("INSERT INTO `access_log`") && insert.contains("'case-share'");
    }

    /** mysqldump of the test database, one INSERT line per row. */
    private static String dump() throws Exception {
        String db = System.getenv("KETENZICHT_DB_URL").replaceAll(".*/", "");
        Process p = new ProcessBuilder(
                        "mysqldump", "-uroot", "--single-transaction", "--skip-comments", "--skip-extended-insert", db)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "mysqldump failed");
        assertTrue(out.contains("INSERT INTO `party_reference`"), "the dump has data");
        return out;
    }

    /** Sends bytes as they are: HTTP clients refuse CR in a header, an attacker's client does not. */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
