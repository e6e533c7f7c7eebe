package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MseCliTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return MseCli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsJsonOfTheAgreedShape() throws IOException {
        int code = run(MseData.file("Western").toString(), "--bootstrap", "20", "--seed", "3", "--threshold", "0.02");
        assertEquals(0, code, "stderr: " + err);
        JsonNode root = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("observed", "models"), names(root));
        assertEquals(345, root.get("observed").asLong());
        JsonNode main = root.get("models").get(0);
        assertEquals(List.of("model", "terms", "N", "dark", "ci"), names(main));
        assertEquals("main-effects", main.get("model").asText());
        assertEquals(0, main.get("terms").size());
        assertEquals(2, main.get("ci").size());
        JsonNode step = root.get("models").get(1);
        assertEquals(List.of("model", "terms", "N", "dark", "ci", "ci_bca", "bootstrap"), names(step));
        assertEquals("A:E", step.get("terms").get(0).asText());
        assertEquals(2483.38, step.get("N").asDouble(), 0.01);
        assertEquals(step.get("N").asDouble(), 345 + step.get("dark").asDouble(), 1e-6, "N = observed + dark");
        assertEquals(2, step.get("ci_bca").size());
        assertEquals(20, step.get("bootstrap").get("B").asInt());
        assertTrue(step.get("bootstrap").get("skipped").isInt());
    }

    @Test
    void malformedFileExitsTwoNamingLineAndColumn() throws IOException {
        Path csv = Files.writeString(tmp.resolve("bad.csv"), "A,B,count\n1,0,3\n0,x,2\n");
        assertEquals(2, run(csv.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("line 3, column 2"), err.toString());
        assertEquals("", out.toString(), "nothing on stdout when refusing");
    }

    @Test
    void badArgumentsExitTwo() {
        assertEquals(2, run());
        assertEquals(2, run("a.csv", "--bootstrap"));
        assertEquals(2, run("a.csv", "--threshold", "abc"));
        assertEquals(2, run("a.csv", "--threshold", "2"));
        assertEquals(2, run("a.csv", "--frobnicate"));
        assertEquals(2, run(tmp.resolve("missing.csv").toString()), "unreadable file is bad input");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"), err.toString());
    }

    @Test
    void nonExistentEstimateExitsThree() throws IOException {
        Path csv = Files.writeString(tmp.resolve("disjoint.csv"), "A,B,count\n1,0,10\n0,1,5\n");
        assertEquals(3, run(csv.toString(), "--bootstrap", "0"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not exist"), err.toString());
        assertEquals("", out.toString());
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
