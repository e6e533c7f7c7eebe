package nl.ketenzicht.synthetic;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Told after a bulk load has committed, on the writer's connection: the hook for whatever keeps
 * derived data (the maintained report aggregates) in step with rows that bypassed the services.
 * The connection is back in the auto-commit mode the caller gave it.
 */
@FunctionalInterface
public interface LoadListener {

    void loaded(Connection connection, Loaded loaded) throws SQLException;
}
