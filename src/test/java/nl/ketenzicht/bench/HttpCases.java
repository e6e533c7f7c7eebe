package nl.ketenzicht.bench;

import java.net.URI;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/** Case creation and reading over the API as a partner system with a bearer token; one connection per worker. */
final class HttpCases implements AutoCloseable {

    /** The body of ChainWalkIT's case, as the web form would send it. */
    static final String CASE = "{\"municipalityCode\":\"GM0363\",\"openedOn\":\"2024-03-01\",\"origin\":\"AMBTSHALVE\","
            + "\"exploitationForms\":[\"SEXUAL\"],\"investigationMethods\":[\"DIGITAL\"],\"teamType\":\"AVIM\","
            + "\"suspectCount\":2,\"network\":true}";

    private final RawHttp[] connections;
    final ConcurrentLinkedQueue<Long> created = new ConcurrentLinkedQueue<>();
    private volatile long[] readable = new long[0];

    HttpCases(URI base, String token, int threads) {
        connections = new RawHttp[threads];
        for (int i = 0; i < threads; i++) {
            connections[i] = new RawHttp(base, "Authorization: Bearer " + token + "\r\n");
        }
    }

    void create(int worker) throws Exception {
        RawHttp.Reply r = connections[worker].post("api/cases", CASE);
        if (r.status() != 201) {
            throw new IllegalStateException("POST api/cases: " + r.status() + " " + r.body());
        }
        String location = r.header("Location");
        created.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    void read(int worker) throws Exception {
        long[] ids = readable;
        long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        RawHttp.Reply r = connections[worker].get("api/cases/" + id);
        if (r.status() != 200) {
            throw new IllegalStateException("GET api/cases/" + id + ": " + r.status() + " " + r.body());
        }
    }

    /** Reads go to the cases created before, so they are in the token's scope. */
    void readFromCreated() {
        readable = created.stream().mapToLong(Long::longValue).toArray();
        if (readable.length == 0) {
            throw new IllegalStateException("no cases were created to read");
        }
    }

    @Override
    public void close() {
        for (RawHttp c : connections) {
            c.close();
        }
    }
}
