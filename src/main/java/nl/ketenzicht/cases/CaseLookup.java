package nl.ketenzicht.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;

/** Facts of a case that views of its records derive values from; the caller has checked the scope. */
@ApplicationScoped
public class CaseLookup {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    public LocalDate openedOn(long caseId) {
        Case c = em.find(Case.class, caseId);
        return c == null ? null : c.openedOn();
    }
}
