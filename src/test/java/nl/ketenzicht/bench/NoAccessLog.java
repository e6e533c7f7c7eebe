package nl.ketenzicht.bench;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;

/**
 * Benchmark only, never in the application's WAR: bench/case-create.sh adds this class to a copy
 * of the WAR to measure what the access log costs over HTTP. Every access goes unlogged.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class NoAccessLog extends AccessLog {

    @Override
    public void record(AccessEvent event) {
        // not logged: the benchmark's baseline without audit
    }

    @Override
    public void recordApart(AccessEvent event) {
        // not logged
    }

    @Override
    public void recordLogin(AccessEvent event, Long userId, String username, String role, Long organisationId) {
        // not logged
    }
}
