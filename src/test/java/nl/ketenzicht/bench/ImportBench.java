package nl.ketenzicht.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ketenzicht.proceedings.Proceedings;
import nl.ketenzicht.support.Api;
import nl.ketenzicht.synthetic.JdbcWriter;
import nl.ketenzicht.synthetic.Loaded;
import nl.ketenzicht.synthetic.Spec;
import nl.ketenzicht.synthetic.SyntheticCase;
import nl.ketenzicht.synthetic.SyntheticOffender;
import nl.ketenzicht.synthetic.SyntheticVictim;
import nl.ketenzicht.synthetic.SyntheticWorld;
import nl.ketenzicht.synthetic.World;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The import benchmark (bench/import.sh): a case file of bench.rows rows made from a synthetic
 * world (cases with their victims, suspects, clients, aangifte events and chain steps with charges),
 * uploaded by a partner system, previewed and committed per case; then the JDBC bulk writer
 * ({@link JdbcWriter}) writes the same world's cases (the same rows) into the same database. Prints
 * rows per second of both, their ratio, and the preview's time.
 */
public final class ImportBench {

    private static final List<String> HEADER = List.of(
            "soort",
            "zaak_referentie",
            "referentie",
            "gemeente",
            "geopend_op",
            "herkomst",
            "signalerende_organisatie",
            "uitbuitingsvormen",
            "opsporingsmethoden",
            "teamtype",
            "aantal_verdachten",
            "netwerk",
            "geslacht",
            "geboortejaar",
            "geboortemaand",
            "nationaliteit",
            "kwetsbaarheden",
            "wervingskanaal",
            "uitbuiting_begonnen_op",
            "geschat_aantal_klanten",
            "toestemming_delen",
            "rol",
            "slachtoffers",
            "aantal_contacten",
            "leeftijdscontrole",
            "partij_referentie",
            "datum",
            "aangifte_soort",
            "redenen",
            "studio",
            "psycholoog",
            "fase",
            "beslissing",
            "uitspraak",
            "onvoorwaardelijk_dagen",
            "voorwaardelijk_dagen",
            "taakstraf_uren",
            "boete_euro",
            "maatregel",
            "artikel",
            "wetsversie",
            "pleegdatum");

    private ImportBench() {}

    public static void main(String[] args) throws Exception {
        int target = Integer.getInteger("bench.rows", 20_000);
        URL base = new URL(System.getProperty("bench.url", "http://127.0.0.1:20250/"));
        Path file = Path.of(System.getProperty("bench.file", "target/bench/import-" + target + ".csv"));
        BenchLogin.Partner partner = BenchLogin.partner(base, "admin", System.getProperty("bench.admin.password"));
        Spec spec = Spec.national(
                Math.max(1, target / 3), 2019, 2024, LocalDate.now().minusDays(1));
        World world = SyntheticWorld.streaming(20261206L, spec);

        long t0 = System.nanoTime();
        int[] written = write(world, file, target, partner.organisationId());
        System.out.printf(
                "file: %s, %,d rows of %,d cases, %,d bytes, written in %.1f s%n",
                file, written[0], written[1], Files.size(file), (System.nanoTime() - t0) / 1e9);

        Api api = new Api(base).withBearer(partner.token());
        long id = upload(base, partner.token(), file);
        System.out.printf("upload (stored and scanned whole): %.1f s%n", (System.nanoTime() - t0) / 1e9 - 0);
        long p0 = System.nanoTime();
        require(202, api.post("api/imports/" + id + "/preview", null));
        JsonNode preview = wait(api, id);
        double previewSeconds = (System.nanoTime() - p0) / 1e9;
        System.out.printf(
                "preview: %.1f s, %,.0f rows/s, summary %s%n",
                previewSeconds, written[0] / previewSeconds, preview.get("summary"));

        long c0 = System.nanoTime();
        require(202, api.post("api/imports/" + id + "/commit", Map.of("mode", "PER_CASE")));
        JsonNode commit = wait(api, id);
        double commitSeconds = (System.nanoTime() - c0) / 1e9;
        double importRate = written[0] / commitSeconds;
        System.out.printf(
                "commit per case: %.1f s, %,.0f rows/s, status %s, summary %s%n",
                commitSeconds, importRate, commit.get("status").asText(), commit.get("summary"));

        // The JDBC bulk writer on the same cases (the same seed and spec: the same rows).
        try (Connection c = DriverManager.getConnection(
                System.getProperty("bench.db.url"),
                System.getProperty("bench.db.user"),
                System.getProperty("bench.db.password"))) {
            Loaded loaded =
                    JdbcWriter.chunked().write(SyntheticWorld.streaming(20261206L, spec.withCases(written[1])), c);
            double jdbcSeconds = loaded.elapsed().toNanos() / 1e9;
            double jdbcRate = written[0] / jdbcSeconds;
            System.out.printf(
                    "JDBC bulk writer, the same %,d cases: %.1f s, %,.0f file rows/s (%,d table rows)%n",
                    written[1], jdbcSeconds, jdbcRate, loaded.totalRows());
            System.out.printf(
                    "RESULT rows=%d cases=%d preview_s=%.1f import_rows_per_s=%.0f jdbc_rows_per_s=%.0f ratio_import_to_jdbc=%.3f%n",
                    written[0], written[1], previewSeconds, importRate, jdbcRate, importRate / jdbcRate);
        }
    }

    /** Rows of whole cases until the target is reached; returns {rows, cases}. */
    static int[] write(World world, Path file, int target, long organisationId) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        int rows = 0;
        int cases = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter p = new CSVPrinter(
                        w, CSVFormat.DEFAULT.builder().setDelimiter(';').build())) {
            p.printRecord(HEADER);
            Iterator<SyntheticCase> it = world.stream().iterator();
            while (rows < target && it.hasNext()) {
                List<List<String>> lines = rowsOf(it.next(), organisationId);
                for (List<String> l : lines) {
                    p.printRecord(l);
                }
                rows += lines.size();
                cases++;
            }
        }
        return new int[] {rows, cases};
    }

    static List<List<String>> rowsOf(SyntheticCase c, long organisationId) {
        String ref = "B" + c.index();
        List<List<String>> out = new ArrayList<>();
        out.add(line(
                "ZAAK",
                ref,
                ref,
                Map.ofEntries(
                        Map.entry("gemeente", c.municipality().code()),
                        Map.entry("geopend_op", c.openedOn().toString()),
                        Map.entry("herkomst", c.origin().name()),
                        Map.entry(
                                "signalerende_organisatie",
                                c.signallingOrganisation() == null ? "" : String.valueOf(organisationId)),
                        Map.entry("uitbuitingsvormen", String.join("|", c.exploitationForms())),
                        Map.entry("opsporingsmethoden", String.join("|", c.investigationMethods())),
                        Map.entry("teamtype", c.teamType().name()),
                        Map.entry("aantal_verdachten", String.valueOf(c.suspectCount())),
                        Map.entry("netwerk", c.network() ? "ja" : "nee"))));
        for (int i = 0; i < c.victims().size(); i++) {
            SyntheticVictim v = c.victims().get(i);
            String vr = "S" + i;
            out.add(line(
                    "SLACHTOFFER",
                    ref,
                    vr,
                    Map.ofEntries(
                            Map.entry("geslacht", v.gender().name()),
                            Map.entry("geboortejaar", str(v.birthYear())),
                            Map.entry("geboortemaand", str(v.birthMonth())),
                            Map.entry("nationaliteit", str(v.nationality())),
                            Map.entry("kwetsbaarheden", String.join("|", v.vulnerabilities())),
                            Map.entry("wervingskanaal", str(v.recruitmentChannel())),
                            Map.entry("uitbuiting_begonnen_op", str(v.exploitationStartedOn())),
                            Map.entry("geschat_aantal_klanten", str(v.estimatedClientCount())),
                            Map.entry(
                                    "toestemming_delen",
                                    v.consentToShare() == null ? "" : v.consentToShare() ? "ja" : "nee"))));
            for (int a = 0; a < v.aangifte().size(); a++) {
                SyntheticVictim.Aangifte e = v.aangifte().get(a);
                out.add(line(
                        "AANGIFTE",
                        ref,
                        vr + "-A" + a,
                        Map.of(
                                "partij_referentie",
                                vr,
                                "datum",
                                e.on().toString(),
                                "aangifte_soort",
                                e.type().name(),
                                "redenen",
                                String.join("|", e.reasons()),
                                "studio",
                                e.traumaStudio() ? "ja" : "nee",
                                "psycholoog",
                                e.psychologistAdvised().name())));
            }
        }
        offenders(out, ref, "V", c.suspects());
        offenders(out, ref, "K", c.clients());
        return out;
    }

    private static void offenders(
            List<List<String>> out, String ref, String prefix, List<SyntheticOffender> offenders) {
        for (int i = 0; i < offenders.size(); i++) {
            SyntheticOffender o = offenders.get(i);
            String or = prefix + i;
            String victims =
                    o.linkedVictims().stream().sorted().map(v -> "S" + v).collect(Collectors.joining("|"));
            boolean suspect = "V".equals(prefix);
            out.add(line(
                    suspect ? "VERDACHTE" : "KLANT",
                    ref,
                    or,
                    suspect
                            ? Map.of(
                                    "geslacht",
                                    o.gender().name(),
                                    "geboortejaar",
                                    str(o.birthYear()),
                                    "rol",
                                    str(o.role()),
                                    "slachtoffers",
                                    victims)
                            : Map.of(
                                    "geslacht",
                                    o.gender().name(),
                                    "geboortejaar",
                                    str(o.birthYear()),
                                    "aantal_contacten",
                                    str(o.contactCount()),
                                    "leeftijdscontrole",
                                    o.ageVerificationAtIssue() == null ? "" : o.ageVerificationAtIssue() ? "ja" : "nee",
                                    "slachtoffers",
                                    victims)));
            for (int s = 0; s < o.steps().size(); s++) {
                Proceedings.Step step = o.steps().get(s);
                Map<String, String> v = new java.util.HashMap<>(Map.of(
                        "partij_referentie",
                        or,
                        "datum",
                        step.on().toString(),
                        "fase",
                        step.stage().name(),
                        "beslissing",
                        step.decision() == null ? "" : step.decision().name(),
                        "uitspraak",
                        step.verdict() == null ? "" : step.verdict().name()));
                if (step.sentence() != null) {
                    v.put("onvoorwaardelijk_dagen", str(step.sentence().custodyUnconditionalDays()));
                    v.put("voorwaardelijk_dagen", str(step.sentence().custodyConditionalDays()));
                    v.put("taakstraf_uren", str(step.sentence().communityServiceHours()));
                    v.put("boete_euro", str(step.sentence().fineEuros()));
                    v.put("maatregel", str(step.sentence().measure()));
                }
                if (s < o.charges().size()) {
                    SyntheticOffender.Charge ch = o.charges().get(s);
                    v.put("artikel", ch.article());
                    v.put("wetsversie", ch.lawVersion());
                    v.put("pleegdatum", ch.offenceDate().toString());
                }
                out.add(line("KETENSTAP", ref, or + "-" + s, v));
            }
        }
    }

    private static List<String> line(String kind, String caseRef, String ref, Map<String, String> values) {
        List<String> l = new ArrayList<>(HEADER.size());
        for (String h : HEADER) {
            l.add(
                    switch (h) {
                        case "soort" -> kind;
                        case "zaak_referentie" -> caseRef;
                        case "referentie" -> ref;
                        default -> values.getOrDefault(h, "");
                    });
        }
        return l;
    }

    private static String str(Object o) {
        return o == null ? "" : o.toString();
    }

    private static long upload(URL base, String token, Path file) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(base.toString())
                                        .resolve("api/imports?fileName=" + file.getFileName()))
                                .timeout(Duration.ofMinutes(30))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "text/csv")
                                .header("Accept", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofFile(file))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("upload: " + r.statusCode() + " " + r.body());
        }
        return Api.JSON.readTree(r.body()).get("id").asLong();
    }

    private static JsonNode wait(Api api, long id) throws InterruptedException {
        long last = 0;
        while (true) {
            JsonNode job = api.get("api/imports/" + id).json();
            String status = job.get("status").asText();
            if (!status.equals("PREVIEWING") && !status.equals("COMMITTING")) {
                return job;
            }
            if (System.currentTimeMillis() - last > 10_000) {
                last = System.currentTimeMillis();
                System.out.printf("  %s %s%n", status, job.get("progress"));
            }
            Thread.sleep(500);
        }
    }

    private static void require(int status, Api.Reply r) {
        if (r.status() != status) {
            throw new IllegalStateException(r.toString());
        }
    }
}
