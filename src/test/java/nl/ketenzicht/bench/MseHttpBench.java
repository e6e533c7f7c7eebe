package nl.ketenzicht.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nl.ketenzicht.support.Api;

/**
 * Dark-number estimate over HTTP (bench/mse.sh starts the server on the benchmark database): a
 * coordinator asks POST api/mse/estimates for one year with 6 partner-type lists, stepwise selection,
 * the model-conditional and the BCa interval (B from the server's configuration, 1000 by default),
 * nationally and for one police unit. Prints each run's wall time as the client sees it.
 * System properties: bench.url, bench.admin.user, bench.admin.password, bench.runs (5).
 */
final class MseHttpBench {

    private static final List<String> LISTS =
            List.of("POLICE", "CARE", "YOUTH_CARE", "NATIONAL", "KMAR", "INSPECTORATE");

    public static void main(String[] args) throws Exception {
        URL url = new URL(System.getProperty("bench.url"));
        Api coordinator = BenchLogin.coordinator(
                url, System.getProperty("bench.admin.user", "admin"), System.getProperty("bench.admin.password"));
        int runs = Integer.getInteger("bench.runs", 5);
        for (String region : List.of("NATIONAL", "AMS")) {
            Map<String, Object> body = Map.of("period", Map.of("year", 2023), "region", region, "lists", LISTS);
            List<String> ms = new ArrayList<>();
            JsonNode last = null;
            for (int run = 0; run < runs; run++) {
                long t = System.nanoTime();
                Api.Reply r = coordinator.post("api/mse/estimates", body);
                ms.add(String.format(Locale.ROOT, "%.0f", (System.nanoTime() - t) / 1e6));
                if (r.status() != 200) {
                    throw new IllegalStateException("estimate: " + r);
                }
                last = r.json();
            }
            JsonNode e = last.get("estimate");
            System.out.printf(
                    Locale.ROOT,
                    "HTTP estimate, %s, 6 lists, stepwise %s, BCa B=%d (skipped %d): runs %s ms;"
                            + " observed %d, N=%.0f CI [%.0f, %.0f] BCa [%.0f, %.0f]; load %s%n",
                    region,
                    e.get("terms"),
                    last.at("/bootstrap/resamples").asInt(),
                    last.at("/bootstrap/skipped").asInt(),
                    ms,
                    e.get("observed").asLong(),
                    e.get("populationSize").asDouble(),
                    e.at("/ci/lower").asDouble(),
                    e.at("/ci/upper").asDouble(),
                    e.at("/ciBca/lower").asDouble(),
                    e.at("/ciBca/upper").asDouble(),
                    Files.readString(Path.of("/proc/loadavg")).strip());
        }
    }
}
