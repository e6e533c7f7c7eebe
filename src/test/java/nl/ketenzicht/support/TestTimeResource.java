package nl.ketenzicht.support;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import nl.ketenzicht.shared.Database;
import nl.ketenzicht.shared.SqlTimes;

/**
 * How the server binds an instant on a connection of the application's own pool: the JVM's zone, the
 * session's zone, and the text the database reads for the instant bound as Timestamp and as SqlTimes
 * text. Added to the test deployment only.
 */
@Path("test/time")
public class TestTimeResource {

    @Resource(lookup = Database.JNDI)
    DataSource pool;

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> binding(@QueryParam("instant") String instant) throws SQLException {
        Instant t = Instant.parse(instant);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("jvmZone", ZoneId.systemDefault().getId());
        try (Connection c = pool.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT @@session.time_zone, CAST(CAST(? AS DATETIME) AS CHAR), CAST(CAST(? AS DATETIME) AS CHAR)")) {
            s.setTimestamp(1, Timestamp.from(t));
            s.setString(2, SqlTimes.text(t));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                out.put("sessionZone", rs.getString(1));
                out.put("timestamp", rs.getString(2));
                out.put("text", rs.getString(3));
            }
        }
        return out;
    }
}
