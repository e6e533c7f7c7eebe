package nl.ketenzicht.exchange;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Years;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The exchange's exports: HTCDS records, the GLOTIP/Eurostat tables and the open release. Only a national
 * coordinator produces them (they cover every region); each is checked and access-logged with who, when and
 * its filter before a byte is written, then streamed from one consistent snapshot of the base tables, so the
 * same data and filter give the same file.
 */
@RequestScoped
@Transactional
public class ExchangeService {

    /** The longest span of opening years of one export. */
    public static final int MAX_YEARS = 30;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessLog log;

    @Inject
    Jdbc jdbc;

    @Inject
    Clock clock;

    /** Last year: the default of every filter. */
    public int lastYear() {
        return LocalDate.now(clock).getYear() - 1;
    }

    /** HTCDS records of the persons of the cases opened in the years, as JSON or CSV. */
    public StreamingOutput htcds(YearRange years, boolean json) {
        allow("htcds", years + (json ? " json" : " csv"), years);
        return out -> read(c -> {
            try (HtcdsWriter w = json ? HtcdsWriter.json(out, years.from(), years.to()) : HtcdsWriter.csv(out)) {
                new ExchangeRecords(c, years.from(), years.to()).forEach(w);
            }
        });
    }

    /**
     * The GLOTIP/Eurostat tables of the year as XLSX; counting reads the cases opened in the year and the older
     * ones with a chain step in it, the only ones its figures count.
     */
    public StreamingOutput glotip(int year) {
        allow("glotip", "year=" + year + " xlsx", new YearRange(year, year));
        return out -> read(c -> {
            GlotipTables t = new GlotipTables(year);
            ExchangeRecords.activeIn(c, Years.MIN, year).forEach(t::add);
            GlotipWorkbook.write(t, out);
        });
    }

    /** The open release of the victims of the cases opened in the years, as CSV. */
    public StreamingOutput release(YearRange years) {
        allow("release", years + " csv", years);
        return out -> read(c -> {
            ReleaseCounts counts = OpenRelease.count(new ReleaseVictims(c, years.from(), years.to()));
            counts.write(counts.plan(), out);
        });
    }

    /** Checks and logs a look at the open release's report (before it is computed: nothing leaves unlogged). */
    public void allowReleaseReport(YearRange years) {
        check(years);
        requireNational("release-report");
        log.record(event(AccessEvent.Action.REPORT, "release-report", years.toString()));
    }

    /**
     * What the open release of these years generalises and withholds, read outside any JTA transaction: the
     * snapshot is a local transaction of its own connection (see {@link #read}).
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public ReleaseReport releaseReport(YearRange years) {
        ReleaseReport[] report = new ReleaseReport[1];
        try {
            read(c -> report[0] = ReleaseReport.of(
                    OpenRelease.count(new ReleaseVictims(c, years.from(), years.to()))
                            .plan(),
                    years.from(),
                    years.to()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return report[0];
    }

    private void allow(String what, String filter, YearRange years) {
        check(years);
        requireNational(what);
        log.record(event(AccessEvent.Action.EXPORT, what, filter));
    }

    private static void check(YearRange years) {
        Years.range("fromYear", years.from(), years.to(), MAX_YEARS);
    }

    private void requireNational(String what) {
        if (caller.require().policeUnit() != null) {
            log.recordApart(event(AccessEvent.Action.EXPORT, what, "refused: regional coordinator")
                    .withOutcome(AccessEvent.Outcome.DENIED));
            throw ProblemException.forbidden(
                    MessageCode.FORBIDDEN_EXCHANGE_NATIONAL,
                    "Only a national coordinator produces exchange exports and open releases.");
        }
    }

    private static AccessEvent event(AccessEvent.Action action, String what, String filter) {
        return new AccessEvent(
                action, "exchange:" + what, List.of(), List.of(), AccessEvent.Outcome.SUCCESS, filter, false);
    }

    private interface Work {
        void run(Connection c) throws SQLException, IOException;
    }

    /** The work on one read-only snapshot (REPEATABLE READ), so every query sees the same rows. */
    private void read(Work work) throws IOException {
        try {
            jdbc.unbounded(c -> {
                int isolation = c.getTransactionIsolation();
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                c.setAutoCommit(false);
                try {
                    work.run(c);
                    c.commit();
                } catch (IOException e) {
                    c.rollback();
                    throw new UncheckedIOException(e);
                } finally {
                    c.setAutoCommit(true);
                    c.setTransactionIsolation(isolation);
                }
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (SQLException e) {
            throw new IllegalStateException("The exchange export could not be read", e);
        }
    }
}
