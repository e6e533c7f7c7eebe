package nl.ketenzicht.shared.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import nl.ketenzicht.shared.Database;
import nl.ketenzicht.shared.DatabaseMigrator;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Liveness: the JVM serves. Readiness: the database answers within 2 s and the schema is current. */
@ApplicationScoped
public class ReadinessChecks {

    @jakarta.inject.Inject
    nl.ketenzicht.shared.Jdbc jdbc;
    @Inject
    DatabaseMigrator migrator;

    @Produces
    @Liveness
    HealthCheck alive() {
        return () -> HealthCheckResponse.up("ketenzicht");
    }

    @Produces
    @Readiness
    HealthCheck migrations() {
        return () -> HealthCheckResponse.named("migrations").status(migrator.isDone()).build();
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            try (Connection c = jdbc.connection()) {
                return HealthCheckResponse.named("database").status(c.isValid(2))
                        .withData("product", c.getMetaData().getDatabaseProductName()).build();
            } catch (SQLException | RuntimeException e) {
                return HealthCheckResponse.named("database").down().withData("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
