package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import nl.ketenzicht.care.CareService;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.parties.PartyService;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refreshes the victim, runaway and care facts (measures 4–6) inside the writer's transaction, like
 * {@link AggregateObserver} does for the counters. A new case has no victims yet, so case creation
 * pays nothing here.
 */
@ApplicationScoped
public class VictimFactObserver {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    void onCase(@Observes CaseService.CaseChanged e) {
        if (!e.created()) { // a case this transaction created has no victims yet
            run(c -> VictimFacts.refreshCase(c, e.caseId()), e.caseId());
        }
    }

    void onParty(@Observes PartyService.PartyChanged e) {
        run(c -> VictimFacts.refreshVictim(c, e.partyId()), e.caseId());
    }

    void onCare(@Observes CareService.CareChanged e) {
        run(c -> VictimFacts.refreshVictim(c, e.victimId()), e.caseId());
    }

    private interface Work {
        void on(Connection c) throws SQLException;
    }

    private void run(Work work, long caseId) {
        em.flush();
        try {
            work.on(em.unwrap(Connection.class));
        } catch (SQLException ex) {
            throw new IllegalStateException("Victim report facts of case " + caseId + " could not be updated", ex);
        }
    }
}
