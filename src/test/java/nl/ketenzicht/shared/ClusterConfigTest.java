package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 19: docker/cluster (the production cluster) describes the topology bench/cluster.sh starts and
 * the fault benchmark proves: the same HAProxy rules, the same Galera timeouts, every app node a member.
 */
class ClusterConfigTest {

    private static final Path DOCKER = Path.of("docker/cluster");

    @Test
    void haproxyOfTheComposeFileIsWhatTheScriptGenerates() throws Exception {
        Process p = new ProcessBuilder("bash", "bench/cluster.sh", "haproxy-config", "2")
                .redirectErrorStream(true)
                .start();
        String generated = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), generated);
        assertEquals(
                generated,
                Files.readString(DOCKER.resolve("haproxy.cfg")),
                "regenerate: bench/cluster.sh haproxy-config 2 > docker/cluster/haproxy.cfg");
    }

    @Test
    void galeraTimeoutsAreTheScriptsOwn() throws Exception {
        String script = Files.readString(Path.of("bench/cluster.sh"));
        String cnf = Files.readString(DOCKER.resolve("galera.cnf"));
        for (String option : new String[] {"evs.suspect_timeout", "evs.inactive_timeout", "pc.wait_prim_timeout"}) {
            assertEquals(value(script, option), value(cnf, option), option);
        }
        for (String setting :
                new String[] {"innodb_autoinc_lock_mode=2", "binlog_format=ROW", "wsrep_cluster_name=ketenzicht"}) {
            assertTrue(script.contains(setting) && cnf.contains(setting), setting);
        }
    }

    @Test
    void everyAppNodeListsEveryGridMember() throws Exception {
        String compose = Files.readString(DOCKER.resolve("compose.yaml"));
        Matcher m = Pattern.compile("GRID_OPTS: (.*)").matcher(compose);
        int nodes = 0;
        while (m.find()) {
            nodes++;
            assertTrue(
                    m.group(1).contains("--clustermode tcpip:172.28.0.21:6900,172.28.0.22:6900"),
                    "a list that leaves out a member splits the grid on restart: " + m.group(1));
        }
        assertEquals(2, nodes, "two app nodes, as bench/cluster.sh starts by default");
    }

    private static String value(String text, String option) {
        Matcher m = Pattern.compile(Pattern.quote(option) + "=([A-Z0-9]+)").matcher(text);
        assertTrue(m.find(), option + " missing");
        return m.group(1);
    }
}
