package nl.ketenzicht.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/** Case creation and reading over the API as a partner system with a bearer token. */
final class HttpCases {

    /** The body of ChainWalkIT's case, as the web form would send it. */
    static final String CASE = "{\"municipalityCode\":\"GM0363\",\"openedOn\":\"2024-03-01\",\"origin\":\"AMBTSHALVE\","
            + "\"exploitationForms\":[\"SEXUAL\"],\"investigationMethods\":[\"DIGITAL\"],\"teamType\":\"AVIM\","
            + "\"suspectCount\":2,\"network\":true}";

    private final URI base;
    private final String token;
    private final HttpClient client;
    final ConcurrentLinkedQueue<Long> created = new ConcurrentLinkedQueue<>();
    private volatile long[] readable = new long[0];

    HttpCases(URI base, String token, int threads) {
        this.base = base;
        this.token = token;
        ExecutorService io = Executors.newFixedThreadPool(4);
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(io)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    void create(int worker) throws Exception {
        HttpResponse<String> r = client.send(request("api/cases").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(CASE)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("POST api/cases: " + r.statusCode() + " " + r.body());
        }
        String location = r.headers().firstValue("Location").orElseThrow();
        created.add(Long.parseLong(location.substring(location.lastIndexOf('/') + 1)));
    }

    void read(int worker) throws Exception {
        long[] ids = readable;
        long id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
        HttpResponse<String> r = client.send(request("api/cases/" + id).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET api/cases/" + id + ": " + r.statusCode() + " " + r.body());
        }
    }

    /** Reads go to the cases created before, so they are in the token's scope. */
    void readFromCreated() {
        readable = created.stream().mapToLong(Long::longValue).toArray();
        if (readable.length == 0) {
            throw new IllegalStateException("no cases were created to read");
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token);
    }
}
