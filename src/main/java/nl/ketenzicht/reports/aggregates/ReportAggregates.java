package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import nl.ketenzicht.care.CareChanged;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.CaseChanged;
import nl.ketenzicht.parties.PartyChanged;
import nl.ketenzicht.proceedings.ChainChanged;
import nl.ketenzicht.reports.ReportDataChanged;

/**
 * The one entry to the maintained report aggregates (counters, case and party facts, the victim,
 * runaway and care facts of measures 4–6). Writers announce their change by a domain event, a job
 * that changes base rows past the services calls {@link #refresh}. Everything runs synchronously
 * inside the writer's transaction and on its connection, so the aggregates commit or roll back with
 * the change. Each event refreshes only what it can have moved: a new case is counted from its
 * managed entity without reading back (the write benchmark measures that), and has no victims yet.
 */
@ApplicationScoped
public class ReportAggregates {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Event<ReportDataChanged> dataChanged;

    /**
     * Brings every aggregate of the case up to date with its base rows, in the caller's transaction;
     * also after the case is gone (a purge), when its counts and facts leave.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(long caseId) {
        run(caseId, c -> refresh(c, caseId));
        dataChanged.fire(new ReportDataChanged("case " + caseId));
    }

    /** The same for a caller that writes over plain JDBC, on its connection and in its transaction. */
    public static void refresh(Connection c, long caseId) throws SQLException {
        AggregateMaintenance.refresh(c, caseId);
        VictimFacts.refreshCaseAndForgetGone(c, caseId);
    }

    /**
     * For a plain-JDBC writer that has just inserted a case (its promise), with or without parties:
     * read back without read locks, since nobody else can add to it before it commits.
     */
    public static void created(Connection c, long caseId) throws SQLException {
        AggregateMaintenance.created(c, caseId);
    }

    /**
     * For a plain-JDBC writer that has just inserted a case without parties: counts it from the
     * dimensions it holds, reading nothing back (what the write benchmark measures).
     */
    public static void created(Connection c, long caseId, CaseContribution.Dimensions dims) throws SQLException {
        AggregateMaintenance.created(c, caseId, dims);
    }

    void onCase(@Observes CaseChanged e) {
        run(e.caseId(), c -> {
            if (e.created()) {
                // Just persisted in this transaction: the managed entity says what a read would, and
                // a case this transaction created has no victims yet.
                AggregateMaintenance.created(c, em.find(Case.class, e.caseId()));
            } else {
                AggregateMaintenance.refresh(c, e.caseId());
                VictimFacts.refreshCase(c, e.caseId());
            }
        });
    }

    void onParty(@Observes PartyChanged e) {
        run(e.caseId(), c -> {
            AggregateMaintenance.refresh(c, e.caseId());
            VictimFacts.refreshVictim(c, e.partyId());
        });
    }

    void onChain(@Observes ChainChanged e) {
        run(e.caseId(), c -> AggregateMaintenance.refresh(c, e.caseId()));
    }

    void onCare(@Observes CareChanged e) {
        run(e.caseId(), c -> VictimFacts.refreshVictim(c, e.victimId()));
    }

    private interface Work {
        void on(Connection c) throws SQLException;
    }

    private void run(long caseId, Work work) {
        em.flush();
        try {
            work.on(em.unwrap(Connection.class));
        } catch (SQLException ex) {
            throw new IllegalStateException("Report aggregates of case " + caseId + " could not be updated", ex);
        }
    }
}
