package nl.ketenzicht.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nl.ketenzicht.support.ChainData.aCase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final Pattern RECORD_LEVEL = Pattern.compile("\\[(?:\\u001b\\[[0-9;]*m)?(WARNING|SEVERE)(?:\\u001b\\[[0-9;]*m)?\\]");

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
                calls.add(() -> anonymous.post("api/auth/login", Map.of("username", "admin", "password", Scenario.ADMIN_PASSWORD)));
            }
            calls.add(() -> session.get("api/cases"));
            calls.add(() -> session.post("api/cases", aCase()));
            calls.add(() -> token.get("api/cases?limit=5"));
            calls.add(() -> token.post("api/cases", aCase()));
        }
        List<CompletableFuture<Timed>> running = calls.stream().map(c -> CompletableFuture.supplyAsync(() -> timed(c))).toList();
        return running.stream().map(CompletableFuture::join).toList();
    }

    /** Every answer a 503 problem with Retry-After, none later than {@link #FAST}; returns the slowest in ms. */
    public static long assertRefusedFast(List<Timed> answers, String kind) {
        System.out.printf("%s: answered %s%n", kind, answers.stream().map(t -> t.reply().status() + " in " + t.millis() + " ms").toList());
        long slowest = 0;
        for (Timed t : answers) {
            assertEquals(503, t.reply().status(), kind + ": " + t.reply());
            assertTrue(t.reply().contentType().startsWith("application/problem+json"), kind + ": " + t.reply().contentType());
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
    public static long awaitStatus(Api api, String path, int status, Duration timeout, Duration eachWithin, String what) {
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
        throw new AssertionError(what + ": still " + (last == null ? "nothing" : last.reply()) + " after " + timeout.toSeconds() + " s");
    }

    /**
     * The server's warnings and errors in a stretch of its log: exactly one DATABASE DOWN and one
     * DATABASE UP line, and nothing else at WARNING or SEVERE however many requests were refused.
     */
    public static void assertOneLinePerStateChange(String log, String kind) {
        List<String> records = new ArrayList<>();
        for (String line : log.split("\\R")) {
            Matcher m = RECORD_LEVEL.matcher(line);
            if (m.find()) {
                records.add(line.length() > 400 ? line.substring(0, 400) + "…" : line);
            }
        }
        long down = log.lines().filter(l -> l.contains("DATABASE DOWN")).count();
        long up = log.lines().filter(l -> l.contains("DATABASE UP again")).count();
        assertEquals(1, down, kind + ": one line when the outage starts; warnings: " + records);
        assertEquals(1, up, kind + ": one line when it ends, with the count of refused requests");
        // Requests in flight when the database went may still draw a warning each from the container's
        // transaction manager (a rollback on a broken connection); the refused ones draw none.
        List<String> ours = records.stream().filter(r -> !r.contains("javax.enterprise.resource.")).toList();
        assertTrue(ours.size() <= 1, kind + ": no warning of the application's but the outage's own: " + ours);
        assertTrue(records.size() - ours.size() <= 12, kind + ": the container's warnings, at most one per request in flight: " + records);
        // The container's warnings for requests in flight carry their stack traces; the application's lines carry none.
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

    public record Timed(Api.Reply reply, long millis) {
    }
}
