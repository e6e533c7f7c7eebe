package nl.ketenzicht.support;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.ObjectName;

/**
 * The server's live JDBC objects and old generation, as {@code jcmd <pid> GC.class_histogram} shows
 * them: the histogram (through the same DiagnosticCommand MBean) first runs a full GC, so what it
 * counts is what something still holds. Added to the test deployment only.
 */
@Path("test/diagnostics")
public class TestDiagnosticsResource {

    private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+\\d+\\s+(\\S+)");

    @GET
    @Path("jdbc-objects")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Long> jdbcObjects() throws Exception {
        String histogram = (String) ManagementFactory.getPlatformMBeanServer()
                .invoke(
                        new ObjectName("com.sun.management:type=DiagnosticCommand"),
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
        Map<String, Long> counts = new LinkedHashMap<>();
        long statements = 0;
        long resultSets = 0;
        for (String line : histogram.split("\n")) {
            Matcher m = ROW.matcher(line);
            if (m.find() && m.group(2).startsWith("com.mysql.cj.jdbc.")) {
                String type = m.group(2);
                long n = Long.parseLong(m.group(1));
                if (type.endsWith("StatementImpl")
                        || type.endsWith("PreparedStatement")
                        || type.endsWith("CallableStatement")) {
                    statements += n;
                } else if (type.endsWith("ResultSetImpl")) {
                    resultSets += n;
                }
            }
        }
        counts.put("statements", statements);
        counts.put("resultSets", resultSets);
        counts.put("oldGenBytes", oldGenerationUsed());
        return counts;
    }

    /** The old (tenured) generation after that full GC, in bytes. */
    private static long oldGenerationUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP
                        && (p.getName().contains("Old") || p.getName().contains("Tenured")))
                .mapToLong(p -> p.getUsage().getUsed())
                .sum();
    }
}
