package nl.ketenzicht.reports.aggregates;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import nl.ketenzicht.cases.Case;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.parties.PartyService;
import nl.ketenzicht.proceedings.ProceedingsService;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Refreshes a case's aggregates whenever a writer changes it. Observers run synchronously inside the
 * writer's transaction and on its connection, so the counters commit or roll back with the change.
 */
@ApplicationScoped
public class AggregateObserver {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    void onCase(@Observes CaseService.CaseChanged e) {
        refresh(e.caseId(), e.created());
    }

    void onParty(@Observes PartyService.PartyChanged e) {
        refresh(e.caseId(), false);
    }

    void onChain(@Observes ProceedingsService.ChainChanged e) {
        refresh(e.caseId(), false);
    }

    private void refresh(long caseId, boolean created) {
        em.flush();
        Connection c = em.unwrap(Connection.class);
        try {
            if (created) {
                // Just persisted in this transaction: the managed entity says what a read would.
                AggregateMaintenance.created(c, em.find(Case.class, caseId));
            } else {
                AggregateMaintenance.refresh(c, caseId);
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("Report aggregates of case " + caseId + " could not be updated", ex);
        }
    }
}
