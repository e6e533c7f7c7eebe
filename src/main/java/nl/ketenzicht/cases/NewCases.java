package nl.ketenzicht.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/**
 * A new case, checked by the API's rules (its constraints, the reference lists, the clock) but not
 * yet stored: {@link CaseService#create} stores it one at a time, the bulk import in batches. One
 * place for the rules, whichever way a case comes in.
 */
@ApplicationScoped
public class NewCases {

    @Inject
    CaseDetailsFactory details;

    public Case draft(CaseRequests.CaseRequest request, long ownerOrganisationId, Instant at, String actor) {
        return new Case(ownerOrganisationId, details.from(request), at, actor);
    }
}
