package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.security.Organisation;
import nl.ketenzicht.security.Users;

/**
 * The demo's partner registrations, so that the dark-number page has an estimate and its five-year
 * chart on first start: for each of the five years before this one, a synthetic population of which
 * four partners (police, care, CoMensha, KMar) each register some, now and then twice or with a typo
 * ({@link SyntheticRegistrations}). Every registration goes through {@link RegistrationLinking}, the
 * API's own keying, linkage and overlap counts, with the deployment's linkage secret. Seeding is not
 * an access to anyone's data, so it writes no access-log rows.
 */
@ApplicationScoped
public class DemoRegistrations {

    /** Partners by demo organisation code, in the order of the capture probabilities. */
    private static final List<String> PARTNERS = List.of("DEMO-POLITIE", "DEMO-ZORG", "DEMO-COMENSHA", "DEMO-KMAR");

    private static final double[] CAPTURE = {0.35, 0.3, 0.25, 0.2};
    static final int PERSONS_PER_YEAR = 200;
    static final int YEARS = 5;

    @Inject
    RegistrationLinking linking;

    @Inject
    Users users;

    @Inject
    ReferenceData reference;

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    public boolean needed() {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM registration")
                                .getSingleResult())
                        .longValue()
                == 0;
    }

    /** Registers the populations of the five years before {@code today}'s year; returns how many registrations. */
    @Transactional
    public int seed(LocalDate today, long seed) {
        List<Organisation> partners = PARTNERS.stream()
                .map(code -> users.organisationByCode(code)
                        .orElseThrow(() -> new IllegalStateException("demo organisation " + code + " is missing")))
                .toList();
        List<ReferenceViews.Municipality> places = onePlacePerUnit();
        int registered = 0;
        for (int year = today.getYear() - YEARS; year < today.getYear(); year++) {
            var population = new SyntheticRegistrations(seed + year, 0.1)
                    .generate(PERSONS_PER_YEAR, CAPTURE, year, places.size());
            for (SyntheticRegistrations.Registration r : population.registrations()) {
                linking.register(
                        partners.get(r.list()), r.registeredOn(), places.get(r.unit()), r.identity(), null, "demo");
                registered++;
                // One registration per transaction in the API; here all in one, so the persistence
                // context is emptied after each, or every query's flush checks all earlier ones.
                em.flush();
                em.clear();
            }
        }
        return registered;
    }

    /** Each police unit's first municipality by code: registrations spread over every region. */
    private List<ReferenceViews.Municipality> onePlacePerUnit() {
        Map<String, ReferenceViews.Municipality> first = new TreeMap<>();
        reference.lists().municipalities().values().stream()
                .sorted(Comparator.comparing(ReferenceViews.Municipality::code))
                .forEach(m -> first.putIfAbsent(m.policeUnit(), m));
        return new ArrayList<>(first.values());
    }
}
