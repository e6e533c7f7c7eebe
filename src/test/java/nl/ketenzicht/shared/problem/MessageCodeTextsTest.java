package nl.ketenzicht.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import nl.ketenzicht.linkage.mse.EstimateDoesNotExistException;
import nl.ketenzicht.linkage.mse.MalformedCaptureTableException;
import nl.ketenzicht.web.Messages;
import org.junit.jupiter.api.Test;

/**
 * Every message code the server can emit ({@link MessageCode}, the only type the problem builders
 * take) has a Dutch and an English text with the same parameters, and the bundles hold no text for
 * a code that does not exist.
 */
class MessageCodeTextsTest {

    private static final Map<String, String> NL = Messages.of("nl").orElseThrow();
    private static final Map<String, String> EN = Messages.of("en").orElseThrow();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    @Test
    void everyCodeHasBothTextsWithTheSameParameters() {
        Set<String> missing = new TreeSet<>();
        for (MessageCode code : MessageCode.values()) {
            String nl = NL.get(code.bundleKey());
            String en = EN.get(code.bundleKey());
            if (nl == null || nl.isBlank() || en == null || en.isBlank()) {
                missing.add(code.bundleKey());
            } else {
                assertEquals(
                        placeholders(nl),
                        placeholders(en),
                        "the same parameters in both languages: " + code.bundleKey());
            }
        }
        assertTrue(missing.isEmpty(), "codes without a Dutch or English text: " + missing);
    }

    @Test
    void bundlesHaveTheSameKeysAndNoTextForAnUnknownCode() {
        assertEquals(NL.keySet(), EN.keySet(), "both languages have the same keys");
        Set<String> codes =
                Arrays.stream(MessageCode.values()).map(MessageCode::bundleKey).collect(Collectors.toSet());
        Set<String> orphans = NL.keySet().stream()
                .filter(k -> k.startsWith("problem.") && !codes.contains(k))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(orphans.isEmpty(), "texts for codes the server never emits: " + orphans);
    }

    @Test
    void codesAreUniqueAndRulesAreTheirOwnCode() {
        Map<String, MessageCode> seen = new HashMap<>();
        for (MessageCode code : MessageCode.values()) {
            MessageCode before = seen.put(code.code(), code);
            assertTrue(before == null, "code " + code.code() + " used by " + before + " and " + code);
        }
        assertEquals(
                "VERDICT_NEEDS_OM_INFLOW",
                MessageCode.VERDICT_NEEDS_OM_INFLOW.code(),
                "a chain rule's code is its rule");
        assertEquals("validation.min", MessageCode.MIN.code());
    }

    @Test
    void everyUploadErrorAndEveryMissingEstimateHasACode() {
        for (MalformedCaptureTableException.Kind kind : MalformedCaptureTableException.Kind.values()) {
            assertTrue(exists("UPLOAD_" + kind.name()), "upload error " + kind + " has a code");
        }
        for (EstimateDoesNotExistException.Reason reason : EstimateDoesNotExistException.Reason.values()) {
            assertTrue(exists("MSE_" + reason.name()), "missing estimate " + reason + " has a code");
        }
    }

    @Test
    void everyConstraintOnARequestMapsToItsOwnCode() {
        Set<String> constraints = new TreeSet<>();
        Set<String> patterns = new TreeSet<>();
        Pattern imported = Pattern.compile("import jakarta\\.validation\\.constraints\\.([A-Za-z]+);");
        Pattern regexp = Pattern.compile("@Pattern\\(regexp = \"((?:[^\"\\\\]|\\\\.)*)\"");
        for (Path java : javaSources()) {
            String source = read(java);
            Matcher m = imported.matcher(source);
            while (m.find()) {
                constraints.add(m.group(1));
            }
            Matcher p = regexp.matcher(source);
            while (p.find()) {
                patterns.add(p.group(1).replace("\\\\", "\\"));
            }
        }
        for (String constraint : constraints) {
            Map<String, Object> attributes = Map.of("value", 0L, "min", 0, "max", 10, "regexp", "x");
            assertNotEquals(
                    MessageCode.INVALID_VALUE,
                    ConstraintCodes.codeOf(constraint, attributes, "text", new HashMap<>()),
                    "@" + constraint + " has a code of its own");
        }
        for (String regex : patterns) {
            assertNotEquals(
                    MessageCode.PATTERN,
                    ConstraintCodes.codeOf("Pattern", Map.of("regexp", regex), "x", new HashMap<>()),
                    "the pattern " + regex + " of a request has a code that says what is expected");
        }
    }

    @Test
    void constraintParametersComeFromItsAttributes() {
        Map<String, Object> params = new HashMap<>();
        assertEquals(MessageCode.MIN, ConstraintCodes.codeOf("Min", Map.of("value", 0L), -1, params));
        assertEquals(Map.of("value", 0L), params);
        params.clear();
        assertEquals(
                MessageCode.LENGTH_BETWEEN,
                ConstraintCodes.codeOf("Size", Map.of("min", 12, "max", 200), "short", params));
        assertEquals(Map.of("min", 12, "max", 200), params);
        params.clear();
        assertEquals(
                MessageCode.COUNT_MAX, ConstraintCodes.codeOf("Size", Map.of("min", 0, "max", 20), List.of(1), params));
        assertEquals(Map.of("max", 20), params, "no lower bound to name");
        assertEquals(MessageCode.REQUIRED, ConstraintCodes.codeOf("NotBlank", Map.of(), "", new HashMap<>()));
    }

    private static boolean exists(String name) {
        return Arrays.stream(MessageCode.values()).anyMatch(c -> c.name().equals(name));
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static List<Path> javaSources() {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java"))) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
