package nl.ketenzicht.shared.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import nl.ketenzicht.shared.KetenzichtApplication;
import nl.ketenzicht.support.JsonDiff;
import nl.ketenzicht.support.ResourceModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml is the document that the code gives (the server serves the same, FoundationIT
 * compares), and the document holds what a client needs to call every operation. The Java client of
 * the API tests is generated from docs/openapi.yaml. After a change to the API, write it anew with
 * {@code mvn -B -q test -Dtest=PublishedDocumentTest -Dopenapi.write=true} and commit it.
 */
class PublishedDocumentTest {

    static final Path PUBLISHED = Path.of("docs/openapi.yaml");
    static final ObjectMapper YAML = new ObjectMapper(
            YAMLFactory.builder().disable(YAMLGenerator.Feature.SPLIT_LINES).build());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static JsonNode doc;

    @BeforeAll
    static void generate() throws IOException {
        String json = OpenApiSerializer.serialize(
                ApiDocument.build(
                        KetenzichtApplication.class, ResourceModel.application().resourceClasses()),
                Format.JSON);
        doc = new ObjectMapper().readTree(json);
        if (Boolean.getBoolean("openapi.write")) {
            // Every string quoted, so that no YAML reader takes an example date or a code like NO for another type
            Files.writeString(PUBLISHED, YAML.writeValueAsString(doc));
        }
    }

    @Test
    void docsOpenapiYamlIsTheDocumentOfTheCode() throws IOException {
        JsonNode published = YAML.readTree(Files.readString(PUBLISHED));
        assertEquals(
                List.of(),
                JsonDiff.of(doc, published, 20),
                "docs/openapi.yaml is not the document of the code; "
                        + "write it with mvn -B -q test -Dtest=PublishedDocumentTest -Dopenapi.write=true");
    }

    @Test
    void everyOperationHasASummaryAndAUniqueOperationId() {
        List<String> missing = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations((key, op) -> {
            if (op.path("summary").asText().isBlank()) {
                missing.add(key + " has no summary");
            }
            if (!ids.add(op.path("operationId").asText(key))) {
                missing.add(
                        key + " repeats operationId " + op.path("operationId").asText());
            }
        });
        assertEquals(List.of(), missing);
        assertTrue(ids.size() > 80, "operations: " + ids.size());
    }

    @Test
    void everySuccessNamesItsStatusAndDescribesItsBody() {
        List<String> vague = new ArrayList<>();
        operations((key, op) -> op.path("responses").fields().forEachRemaining(r -> {
            boolean success = r.getKey().startsWith("2");
            if (success
                    && (r.getKey().equals("2XX")
                            || !r.getKey().equals("204") && !r.getValue().has("content"))) {
                vague.add(key + " " + r.getKey());
            }
        }));
        assertEquals(List.of(), vague, "a client cannot read these answers");
    }

    @Test
    void everyRequestBodyHasAnExampleOfEachMediaType() {
        List<String> missing = new ArrayList<>();
        int[] bodies = {0};
        operations((key, op) -> op.path("requestBody").path("content").fields().forEachRemaining(media -> {
            bodies[0]++;
            if (!media.getValue().has("example")) {
                missing.add(key + " " + media.getKey());
            }
        }));
        assertEquals(List.of(), missing, "request bodies without an example");
        assertTrue(bodies[0] >= 30, "request bodies: " + bodies[0]);
        JsonNode createCase = doc.at("/paths/~1api~1cases/post/requestBody/content/application~1json/example");
        assertEquals("GM0363", createCase.path("municipalityCode").asText(), createCase.toString());
        assertEquals("2024-03-01", createCase.path("openedOn").asText(), "dates as ISO text: " + createCase);
        assertTrue(!createCase.has("signallingOrganisationId"), "an absent field is left out, not null: " + createCase);
    }

    @Test
    void everyQueryAndHeaderParameterIsDescribed() {
        List<String> missing = new ArrayList<>();
        operations((key, op) -> op.path("parameters").forEach(p -> {
            if (!"path".equals(p.path("in").asText())
                    && p.path("description").asText().isBlank()) {
                missing.add(
                        key + " " + p.path("in").asText() + " " + p.path("name").asText());
            }
        }));
        assertEquals(List.of(), missing, "parameters without a description");
    }

    @Test
    void everyTagIsDescribedAndTheDocumentNamesItsServerAndLicence() {
        List<String> missing = new ArrayList<>();
        doc.path("tags").forEach(t -> {
            if (t.path("description").asText().isBlank()) {
                missing.add(t.path("name").asText());
            }
        });
        assertEquals(List.of(), missing, "tags without a description");
        assertEquals("/", doc.at("/servers/0/url").asText());
        assertTrue(!doc.at("/info/license/name").asText().isBlank());
    }

    @Test
    void reportsDocumentTheirCutsAndDownloadsTheirLanguage() {
        assertEquals(
                List.of("year", "quarter", "from", "to", "level", "origin", "form", "team"),
                names(doc.at("/paths/~1api~1reports~1dependency/get/parameters")));
        assertEquals(
                List.of("region", "year", "quarter", "from", "to", "level", "origin", "form", "team", "lang"),
                names(doc.at("/paths/~1api~1reports~1clients~1print~1{region}/get/parameters")));
        assertTrue(
                doc.at("/paths/~1api~1reports~1{measure}").isMissingNode(),
                "a measure is a path of its own, " + "so that reports/throughput/{interval} is never ambiguous");
        assertEquals(
                List.of("year", "quarter", "from", "to", "level", "origin", "form", "team", "ageGroup", "unit", "lang"),
                names(doc.at("/paths/~1api~1reports~1victims~1export.csv/get/parameters")));
        JsonNode level = doc.at("/paths/~1api~1reports~1victims/get/parameters/4/schema");
        assertEquals(
                "[\"POLICE_UNIT\",\"COURT_DISTRICT\",\"PROSECUTION_OFFICE\",\"MUNICIPALITY\"]",
                level.path("enum").toString());
        assertEquals(
                "\\d{4}-Q[1-4]",
                doc.at("/paths/~1api~1reports~1care/get/parameters/1/schema/pattern")
                        .asText());
    }

    private static List<String> names(JsonNode parameters) {
        List<String> names = new ArrayList<>();
        parameters.forEach(p -> names.add(p.path("name").asText()));
        return names;
    }

    private static void operations(BiConsumer<String, JsonNode> each) {
        doc.path("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (METHODS.contains(op.getKey())) {
                        each.accept(op.getKey().toUpperCase() + " " + path.getKey(), op.getValue());
                    }
                }));
    }
}
