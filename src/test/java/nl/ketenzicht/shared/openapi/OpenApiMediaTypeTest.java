package nl.ketenzicht.shared.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The YAML of /openapi is named application/yaml, and asked for by the YAML types; FoundationIT sees it served. */
class OpenApiMediaTypeTest {

    @Test
    void payarasPlainTextIsNamedYamlKeepingTheCharset() {
        assertEquals("application/yaml", OpenApiMediaType.contentType("text/plain"));
        assertEquals("application/yaml;charset=UTF-8", OpenApiMediaType.contentType("text/plain;charset=UTF-8"));
        assertEquals("application/json", OpenApiMediaType.contentType("application/json"));
        assertNull(OpenApiMediaType.contentType(null));
    }

    @Test
    void theYamlTypesAClientMayNameAskPayaraForItsYaml() {
        assertEquals("text/plain", OpenApiMediaType.accept("application/yaml"));
        assertEquals(
                "text/plain;q=0.9, application/json",
                OpenApiMediaType.accept("application/x-yaml;q=0.9, application/json"));
        assertEquals("text/plain", OpenApiMediaType.accept("text/yaml"));
        assertEquals("text/plain", OpenApiMediaType.accept("application/vnd.oai.openapi"));
        assertEquals("application/json", OpenApiMediaType.accept("application/json"));
        assertEquals("*/*", OpenApiMediaType.accept("*/*"));
    }
}
