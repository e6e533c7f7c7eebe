package nl.ketenzicht.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nl.ketenzicht.reports.MeasureReportService.Kind;
import org.junit.jupiter.api.Test;

class MeasureResourceTest {

    @Test
    void thePathAdmitsExactlyTheMeasuresOfTheRegistry() {
        String path = MeasureResource.class.getAnnotation(Path.class).value();
        Matcher m = Pattern.compile("\\{measure: ([^}]*)}").matcher(path);
        assertEquals(true, m.find(), path);
        assertEquals(
                Arrays.stream(Kind.values()).map(Kind::path).sorted().toList(),
                Arrays.stream(m.group(1).split("\\|")).sorted().toList());
    }

    @Test
    void aMeasureIsFoundByItsPath() {
        assertEquals(
                List.of(Kind.VICTIMS, Kind.RUNAWAYS, Kind.CARE),
                List.of(Kind.of("victims"), Kind.of("runaways"), Kind.of("care")));
    }
}
