package nl.ketenzicht.shared;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import org.junit.jupiter.api.Test;

class JdbcConnectionLostTest {

    @Test
    void aLostConnectionIsToldFromOtherFailures() {
        // Connector/J's CommunicationsException after a socket timeout: SQL state 08S01.
        assertTrue(Jdbc.connectionLost(new SQLException("Communications link failure", "08S01")));
        assertTrue(Jdbc.connectionLost(new SQLNonTransientConnectionException("closed")));
        assertTrue(Jdbc.connectionLost(
                new IllegalStateException("wrapped", new SQLException("No operations allowed", "08003"))));
        assertFalse(Jdbc.connectionLost(new SQLSyntaxErrorException("CREATE command denied", "42000")));
        assertFalse(Jdbc.connectionLost(new SQLException("Duplicate entry", "23000")));
        assertFalse(Jdbc.connectionLost(new IllegalStateException("no cause")));
    }
}
