package nl.ketenzicht.shared.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DefaultValue;
import java.lang.annotation.Annotation;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.support.QueryParameter;
import nl.ketenzicht.support.ResourceModel;
import org.junit.jupiter.api.Test;

/** Query values are read strictly, refused with a code, and every declared parameter has a type the checks know. */
class QueryValuesTest {

    private final QueryValues values = new QueryValues();

    @Test
    void datesNumbersBooleansAndConstantsAreReadStrictly() {
        assertEquals(
                LocalDate.of(2024, 2, 29),
                values.getConverter(LocalDate.class, LocalDate.class, new Annotation[0])
                        .fromString("2024-02-29"));
        assertEquals(
                QueryValues.Malformed.class,
                refusal(LocalDate.class, "2024-02-30").getClass());
        assertEquals(
                "json.expectedDate",
                refusal(LocalDate.class, "+12024-01-01").errorOf("to").code());
        assertEquals(
                "json.expectedNumber",
                refusal(int.class, "2147483648").errorOf("limit").code());
        assertEquals(
                "json.expectedBoolean",
                refusal(boolean.class, "maybe").errorOf("bca").code());
        Problem.FieldError origin = refusal(Origin.class, "FOO").errorOf("origin");
        assertEquals("json.valueNotAllowed", origin.code());
        assertEquals(Map.of("allowed", "AANGIFTE, AMBTSHALVE, SIGNAL, DIGITAL, DECOY"), origin.params());
        assertEquals(
                Origin.DECOY,
                values.getConverter(Origin.class, Origin.class, new Annotation[0])
                        .fromString("DECOY"));
    }

    @Test
    void anEmptyValueIsTheDefaultAndAnAbsentPrimitiveIsZero() {
        Annotation[] twentyFive = {
            new DefaultValue() {
                public String value() {
                    return "25";
                }

                public Class<? extends Annotation> annotationType() {
                    return DefaultValue.class;
                }
            }
        };
        assertEquals(25, values.getConverter(int.class, int.class, twentyFive).fromString(""));
        assertEquals(
                0, values.getConverter(int.class, int.class, new Annotation[0]).fromString(null));
        assertNull(values.getConverter(LocalDate.class, LocalDate.class, new Annotation[0])
                .fromString(" "));
        assertNull(values.getConverter(String.class, String.class, new Annotation[0]), "text is left to JAX-RS");
    }

    @Test
    void everyQueryParameterHasATypeTheGeneratedChecksKnow() {
        List<String> unknown = ResourceModel.application().endpoints().stream()
                .flatMap(e ->
                        e.queryParameters().stream().filter(p -> !p.typeKnown()).map(p -> e.key() + " " + p))
                .toList();
        assertEquals(List.of(), unknown, "give QueryParameter.invalidValues() values for these types");
        Map<String, List<String>> dates = ResourceModel.application().endpoints().stream()
                .collect(Collectors.toMap(
                        ResourceModel.Endpoint::key,
                        e -> e.queryParameters().stream()
                                .filter(QueryParameter::isDate)
                                .map(QueryParameter::name)
                                .toList(),
                        (a, b) -> a));
        assertEquals(List.of("openedFrom", "openedTo"), dates.get("GET /api/cases"));
        assertEquals(List.of("from", "to"), dates.get("GET /api/audit/log"));
        assertEquals(List.of("from", "to"), dates.get("GET /api/registrations"));
        QueryParameter fromYear = ResourceModel.application().endpoints().stream()
                .filter(e -> e.key().equals("GET /api/mse/series"))
                .flatMap(e -> e.queryParameters().stream())
                .filter(p -> p.name().equals("fromYear"))
                .findFirst()
                .orElseThrow();
        assertTrue(fromYear.required() && fromYear.min() == 2000 && fromYear.max() == 2100, fromYear.toString());
        assertTrue(
                fromYear.invalidValues().containsAll(List.of("abc", "1999", "2101", "1000000000")),
                fromYear.invalidValues().toString());
    }

    private QueryValues.Malformed refusal(Class<?> type, String value) {
        return assertThrows(
                QueryValues.Malformed.class,
                () -> values.getConverter(type, type, new Annotation[0]).fromString(value));
    }
}
