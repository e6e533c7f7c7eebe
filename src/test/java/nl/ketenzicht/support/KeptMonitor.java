package nl.ketenzicht.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The monitor's kept figures against a fresh computation: read once so that they are kept, then after each
 * committed change the monitor must start a new generation, and what it serves must equal what it computes
 * once the kept figures are dropped (test deployment's {@code api/test/kept-figures}).
 */
public final class KeptMonitor {

    private final Api coordinator;
    private final String path;
    private long generation;
    private JsonNode last;

    public KeptMonitor(Api coordinator, int year) {
        this.coordinator = coordinator;
        this.path = "api/monitor?year=" + year + "&lang=nl";
        this.last = read();
        this.generation = generation();
    }

    private KeptMonitor(Api coordinator, KeptMonitor from) {
        this.coordinator = coordinator;
        this.path = from.path;
        this.last = from.last;
        this.generation = from.generation;
    }

    /** The same check read by another session (e.g. after the clock moved on and the old one timed out). */
    public KeptMonitor as(Api coordinator) {
        return new KeptMonitor(coordinator, this);
    }

    /** The monitor as last read (kept now). */
    public JsonNode last() {
        return last;
    }

    /** After a change: a new generation, and the figures served equal a fresh computation; returns them. */
    public JsonNode afterChange(String what) {
        long now = generation();
        assertTrue(now > generation, what + ": the change starts a new generation of the kept figures");
        JsonNode served = read();
        Api.Reply drop = coordinator.anonymous().delete("api/test/kept-figures", null);
        assertEquals(204, drop.status(), drop.toString());
        JsonNode fresh = read();
        assertEquals(fresh, served, what + ": the monitor's kept figures equal a fresh computation");
        assertEquals(fresh, read(), what + ": and are kept as computed");
        generation = generation();
        last = fresh;
        return fresh;
    }

    private JsonNode read() {
        Api.Reply r = coordinator.get(path);
        assertEquals(200, r.status(), path + ": " + r);
        return r.json();
    }

    private long generation() {
        Api.Reply r = coordinator.anonymous().get("api/test/kept-figures");
        assertEquals(200, r.status(), r.toString());
        return r.json().get("generation").asLong();
    }
}
