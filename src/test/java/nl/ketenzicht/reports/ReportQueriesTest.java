package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ws.rs.QueryParam;
import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.ketenzicht.shared.problem.ProblemException;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.Test;

/** The report parameters that the API document declares are those that the parsers accept, with the same values. */
class ReportQueriesTest {

    @Test
    void theCutDeclaresEveryParameterOfReportRequest() {
        assertEquals(new TreeSet<>(ReportRequest.PARAMETERS), names(ReportQueries.Cut.class));
    }

    @Test
    void theVictimCutAddsWhatVictimCutParses() {
        Set<String> expected = new TreeSet<>(ReportRequest.PARAMETERS);
        expected.addAll(Set.of("ageGroup", "unit"));
        assertEquals(expected, names(ReportQueries.VictimCut.class));
        // Every name the document declares is accepted, and an undeclared one is refused
        VictimCut.parse(Map.of("ageGroup", List.of("ADULT"), "level", List.of("MUNICIPALITY"), "unit", List.of("AMS")));
        assertThrows(ProblemException.class, () -> VictimCut.parse(Map.of("region", List.of("AMS"))));
    }

    @Test
    void theDeclaredValuesAreTheAcceptedOnes() throws NoSuchFieldException {
        assertEquals(
                ReportRequest.FORMS,
                Set.of(ReportQueries.Cut.class
                        .getDeclaredField("form")
                        .getAnnotation(Schema.class)
                        .enumeration()));
        assertEquals(
                ReportRequest.ORIGINS,
                constants(ReportQueries.Cut.class.getDeclaredField("origin").getType()));
        assertEquals(
                ReportRequest.TEAMS,
                constants(ReportQueries.Cut.class.getDeclaredField("team").getType()));
        Set<String> levels = Set.of(ReportQueries.VictimCut.class
                .getDeclaredField("level")
                .getAnnotation(Schema.class)
                .enumeration());
        for (String level : levels) {
            Map<String, List<String>> query = "MUNICIPALITY".equals(level)
                    ? Map.of("level", List.of(level), "unit", List.of("AMS"))
                    : Map.of("level", List.of(level));
            assertEquals(level, VictimCut.parse(query).describe().get("level"));
        }
        assertEquals(
                constants(ReportRequest.Level.class),
                new TreeSet<>(
                        levels.stream().filter(l -> !"MUNICIPALITY".equals(l)).toList()));
    }

    @Test
    void theMeasuresOfTheDocumentAreThoseOfTheCode() {
        Set<String> measures = constants(Measure.class).stream()
                .map(m -> m.toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        int methods = 0;
        for (java.lang.reflect.Method m : ReportResource.class.getMethods()) {
            for (java.lang.reflect.Parameter p : m.getParameters()) {
                jakarta.ws.rs.PathParam path = p.getAnnotation(jakarta.ws.rs.PathParam.class);
                if (path != null && path.value().equals("measure")) {
                    methods++;
                    assertEquals(
                            measures,
                            new TreeSet<>(List.of(p.getAnnotation(Schema.class).enumeration())),
                            m.getName());
                }
            }
        }
        assertEquals(5, methods); // report, CSV, XLSX, print view, PDF
    }

    private static Set<String> names(Class<?> bean) {
        Set<String> names = new TreeSet<>();
        for (Class<?> c = bean; c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(QueryParam.class)) {
                    names.add(f.getAnnotation(QueryParam.class).value());
                }
            }
        }
        return names;
    }

    private static Set<String> constants(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants())
                .map(c -> ((Enum<?>) c).name())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
