package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mysql.cj.jdbc.MysqlDataSource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.annotation.sql.DataSourceDefinitions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The pool hands each driver property to the data source's setter of that name and drops, without a word,
 * one that has none: connectionTimeZone=UTC was such a one, and the sessions ran in the JVM's zone.
 */
class DataSourcePropertiesTest {

    private static final Set<String> SETTERS = Arrays.stream(MysqlDataSource.class.getMethods())
            .map(Method::getName)
            .filter(n -> n.startsWith("set"))
            .map(n -> n.substring(3).toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());

    @Test
    void everyDriverPropertyOfEveryPoolReachesTheDataSource() {
        List<String> dropped = new ArrayList<>();
        for (DataSourceDefinition d :
                Database.class.getAnnotation(DataSourceDefinitions.class).value()) {
            assertEquals(MysqlDataSource.class.getName(), d.className(), d.name());
            for (String property : d.properties()) {
                String name = property.substring(0, property.indexOf('='));
                if (!name.startsWith("fish.payara.") && !SETTERS.contains(name.toLowerCase(Locale.ROOT))) {
                    dropped.add(d.name() + ": " + name);
                }
            }
        }
        assertEquals(List.of(), dropped, "properties the data source has no setter for, which the pool drops");
    }

    @Test
    void everyPoolsSessionsRunInUtc() {
        for (DataSourceDefinition d :
                Database.class.getAnnotation(DataSourceDefinitions.class).value()) {
            List<String> properties = List.of(d.properties());
            assertTrue(properties.contains("serverTimezone=UTC"), d.name() + " " + properties);
            assertTrue(properties.contains("forceConnectionTimeZoneToSession=true"), d.name() + " " + properties);
        }
    }
}
