package nl.ketenzicht.shared;

import jakarta.enterprise.context.ApplicationScoped;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Plain JDBC on the application pool, looked up on first use: an injected {@code @Resource} would be
 * resolved at deployment, and an unreachable database would then stop the application from starting.
 */
@ApplicationScoped
public class Jdbc {

    private volatile DataSource dataSource;

    public Connection connection() throws SQLException {
        return dataSource().getConnection();
    }

    public DataSource dataSource() throws SQLException {
        DataSource ds = dataSource;
        if (ds == null) {
            try {
                ds = (DataSource) new InitialContext().lookup(Database.JNDI);
                dataSource = ds;
            } catch (NamingException e) {
                throw new SQLException("The data source is not available yet", "08001", e);
            }
        }
        return ds;
    }
}
