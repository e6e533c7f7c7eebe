package nl.ketenzicht.reports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.shared.Jdbc;

/**
 * What every report run shares, whatever its measure ({@link Measure}, {@link MeasureReportService.Kind},
 * {@link Interval}): one connection, the thresholds of {@link DisclosureThresholds}, the access-log row of
 * a run or an export, and the words of a download.
 */
@RequestScoped
public class ReportPipeline {

    @Inject
    Jdbc jdbc;

    @Inject
    AccessLog log;

    @Inject
    ReferenceData reference;

    @Inject
    DisclosureThresholds thresholds;

    /** A report's computation on one connection with the publication threshold k. */
    public interface Computation<T> {
        T compute(Connection c, int k) throws SQLException;
    }

    public <T> T run(String report, Computation<T> computation) {
        try (Connection c = jdbc.connection()) {
            return computation.compute(c, thresholds.k());
        } catch (SQLException e) {
            throw new IllegalStateException("Report " + report + " could not be read", e);
        }
    }

    /** The access-log row of a run ({@code REPORT}) or a download ({@code EXPORT}) of {@code report:<name>}. */
    public void logged(AccessEvent.Action action, String report, String detail) {
        log.record(new AccessEvent(
                action, "report:" + report, List.of(), List.of(), AccessEvent.Outcome.SUCCESS, detail, false));
    }

    /** The words of an export or print view, in the language asked for ({@code lang}, else Accept-Language, else Dutch). */
    public ReportLabels labels(MultivaluedMap<String, String> query, HttpHeaders headers) {
        return new ReportLabels(
                ReportLabels.language(query, headers), reference.lists().codes());
    }

    public DisclosureThresholds thresholds() {
        return thresholds;
    }
}
