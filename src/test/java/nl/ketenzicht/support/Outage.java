package nl.ketenzicht.support;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every outage test checks (issue 14): while the database is gone or stalled, every kind of API
 * caller (anonymous, by session, by token; reads, writes and logins) is answered 503 problem+json
 * with Retry-After within 5 s and never 401; readiness answers DOWN within 2 s; and the server log
 * holds one line when the outage starts and one when it ends, not a line per request.
 */
public final class Outage {

    /** The longest a caller may wait for its 503. */
    public static final Duration FAST = Duration.ofSeconds(5);
    /** The longest readiness may take to say DOWN. */
    public static final Duration READINESS = Duration.ofSeconds(2);

    private static final String DOWN = "DATABASE DOWN";
    private static final String UP = "DATABASE UP again";
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s*(at |Caused by:|\\.\\.\\. \\d+ more)");
    private static final Pattern REFUSED_COUNT = Pattern.compile("; (\\d+) request\\(s\\) were answered 503 meanwhile");
    private static final Pattern RECORD_LEVEL =
            Pattern.compile("\\[(?:\\u001b\\[[0-9;]*m)?(WARNING|SEVERE)(?:\\u001b\\[[0-9;]*m)?\\]");

    private final Api anonymous;
    private final Api session;
    private final Api token;

    /** The callers, set up while the database is there: a caseworker's session and a partner's token. */
    public Outage(Scenario s, long organisation) {
        this.anonymous = s.anonymous();
        this.session = s.caseworker(organisation);
        this.token = s.token(organisation);
    }

    /** One call of each kind, each repeated: all at once, as a busy server would see them. */
    public List<Timed> callEveryKind(int times) {
        return call(times, true);
    }

    /**
     * The same without the anonymous calls, for the moment the database has just gone: until the
     * watchdog has seen it, a request that needs no database to be refused (no caller) still gets its 401.
     */
    public List<Timed> callAsUsers(int times) {
        return call(times, false);
    }

    private List<Timed> call(int times, boolean anonymousToo) {
        List<Supplier<Api.Reply>> calls = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            if (anonymousToo) {
                calls.add(() -> anonymous.get("api/cases"));
                calls.add(() -> anonymous.post(
                        "api/auth/login", Map.of("username", "admin", "password", Scenario.ADMIN_PASSWORD)));
            }
            calls.add(() -> session.get("api/cases"));
            calls.add(() -> session.post("api/cases", aCase()));
            calls.add(() -> token.get("api/cases?limit=5"));
            calls.add(() -> token.post("api/cases", aCase()));
        }
        List<CompletableFuture<Timed>> running = calls.stream()
                .map(c -> CompletableFuture.supplyAsync(() -> timed(c)))
                .toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Every answer a 503 problem with Retry-After, none later than {@link #FAST}; returns the slowest in ms. */
    public static long assertRefusedFast(List<Timed> answers, String kind) {
        System.out.printf(
                "%s: answered %s%n",
                kind,
                answers.stream()
                        .map(t -> t.reply().status() + " in " + t.millis() + " ms")
                        .toList());
        long slowest = 0;
        for (Timed t : answers) {
            assertEquals(503, t.reply().status(), kind + ": " + t.reply());
            assertTrue(
                    t.reply().contentType().startsWith("application/problem+json"),
                    kind + ": " + t.reply().contentType());
            assertNotNull(t.reply().header("Retry-After"), kind + ": a 503 tells the client when to retry");
            assertTrue(t.millis() <= FAST.toMillis(), kind + ": answered after " + t.millis() + " ms: " + t.reply());
            slowest = Math.max(slowest, t.millis());
        }
        return slowest;
    }

    /** Until the caller's own requests succeed again (a stale pooled connection may still fail one). */
    public void awaitService(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        Api.Reply last = null;
        while (System.nanoTime() < until) {
            last = token.post("api/cases", aCase());
            if (last.status() == 201 && session.get("api/cases?limit=5").status() == 200) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("service did not resume within " + timeout.toSeconds() + " s: " + last);
    }

    /** Polls the path until it answers the status, each answer within {@code eachWithin}; returns how long that took (ms). */
    public static long awaitStatus(
            Api api, String path, int status, Duration timeout, Duration eachWithin, String what) {
        long start = System.nanoTime();
        Timed last = null;
        while (System.nanoTime() - start < timeout.toNanos()) {
            last = timed(() -> api.get(path));
            assertTrue(last.millis() <= eachWithin.toMillis(), what + ": " + path + " took " + last.millis() + " ms");
            if (last.reply().status() == status) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            sleep(100);
        }
        throw new AssertionError(
                what + ": still " + (last == null ? "nothing" : last.reply()) + " after " + timeout.toSeconds() + " s");
    }

    /**
     * Waits (up to 20 s: the container copies the server's console with a delay) until the outage's
     * first line is in the log written since {@code from}, and checks that it is the only one so far:
     * one DOWN line when the database goes, no UP line yet, no line per refused request.
     */
    public static void assertDownLoggedOnce(int from, String kind) {
        String log = awaitLog(from, DOWN);
        assertEquals(1, count(log, DOWN), kind + ": one DOWN line once the outage is seen: " + warnings(log));
        assertEquals(0, count(log, UP), kind + ": no UP line while the database is gone");
    }

    /**
     * The server's warnings and errors in a stretch of its log that spans an outage: exactly one
     * DATABASE DOWN line and, after it, one DATABASE UP line whose count covers at least the requests
     * that this test saw refused, each a single line without a stack trace, and nothing else at
     * WARNING or SEVERE of the application's however many requests were refused.
     */
    public static void assertOneLinePerStateChange(String log, String kind, long refusedAtLeast) {
        List<String> records = warnings(log);
        List<String> lines = log.lines().toList();
        int up = assertStateChanges(log, kind);
        Matcher counted = REFUSED_COUNT.matcher(lines.get(up));
        assertTrue(counted.find(), kind + ": the UP line counts the refused requests: " + lines.get(up));
        assertTrue(
                Long.parseLong(counted.group(1)) >= refusedAtLeast,
                kind + ": the UP line counts at least the " + refusedAtLeast + " refusals this test saw: "
                        + lines.get(up));
        // Requests in flight when the database went may still draw a warning each from the container's
        // transaction manager (a rollback on a broken connection); the refused ones draw none.
        List<String> ours = records.stream()
                .filter(r -> !r.contains("javax.enterprise.resource."))
                .toList();
        assertTrue(ours.size() <= 1, kind + ": no warning of the application's but the outage's own: " + ours);
        assertTrue(
                records.size() - ours.size() <= 12,
                kind + ": the container's warnings, at most one per request in flight: " + records);
        // The container's warnings for requests in flight carry their stack traces; the application's lines carry none.
    }

    /** Waits (up to 20 s) until the text is in the server log written since {@code from}; returns that stretch of the log. */
    public static String awaitLog(int from, String text) {
        String log = ServerLog.text().substring(from);
        for (int i = 0; i < 100 && !log.contains(text); i++) {
            sleep(200);
            log = ServerLog.text().substring(from);
        }
        return log;
    }

    /**
     * Exactly one DOWN line and, after it, one UP line, each a single line without a stack trace;
     * returns the UP line's index among the log's lines.
     */
    public static int assertStateChanges(String log, String kind) {
        List<String> lines = log.lines().toList();
        assertEquals(1, count(log, DOWN), kind + ": one line when the outage starts; warnings: " + warnings(log));
        assertEquals(1, count(log, UP), kind + ": one line when it ends, with the count of refused requests");
        int down = indexOf(lines, DOWN);
        int up = indexOf(lines, UP);
        assertTrue(down < up, kind + ": the DOWN line comes before the UP line");
        for (int at : new int[] {down, up}) {
            assertTrue(
                    at + 1 == lines.size()
                            || !STACK_FRAME.matcher(lines.get(at + 1)).find(),
                    kind + ": a state change is one line, no stack trace: "
                            + lines.subList(at, Math.min(lines.size(), at + 3)));
        }
        return up;
    }

    /** The 503s among the answers. */
    public static long refusals(List<Timed> answers) {
        return answers.stream().filter(t -> t.reply().status() == 503).count();
    }

    private static List<String> warnings(String log) {
        List<String> records = new ArrayList<>();
        for (String line : log.split("\\R")) {
            Matcher m = RECORD_LEVEL.matcher(line);
            if (m.find()) {
                records.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            }
        }
        return records;
    }

    private static long count(String log, String text) {
        return log.lines().filter(l -> l.contains(text)).count();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    public static Timed timed(Supplier<Api.Reply> call) {
        long start = System.nanoTime();
        Api.Reply reply = call.get();
        return new Timed(reply, (System.nanoTime() - start) / 1_000_000);
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Timed(Api.Reply reply, long millis) {}
}
