package nl.ketenzicht.linkage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.security.Organisation;

/**
 * The one path by which a registration enters the store, for the API and the demo's seed alike: keys
 * the identity with the deployment's secret, links the registration to every person it shares a key
 * with (see {@link Linker} for the rule) and moves the overlap counts, in the caller's transaction.
 */
@ApplicationScoped
class RegistrationLinking {

    @Inject
    RegistrationRepository registrations;

    @Inject
    OverlapCounts counts;

    @Inject
    LinkageSecret secret;

    @Inject
    Clock clock;

    Registration register(
            Organisation org,
            LocalDate registeredOn,
            ReferenceViews.Municipality place,
            Identity identity,
            Long caseId,
            String actor) {
        LinkageKeys keys = secret.keysOf(identity);
        Registration r = new Registration(
                org.id(),
                org.type(),
                registeredOn,
                place.code(),
                place.policeUnit(),
                keys,
                caseId,
                clock.instant(),
                actor);
        link(r, keys);
        return r;
    }

    /**
     * Joins the new registration to every person it shares a key with, merging those persons into
     * the one with the smallest id: the incremental form of {@link Linker}'s union-find, so a person
     * is always named by its smallest registration id.
     */
    private void link(Registration r, LinkageKeys keys) {
        registrations.lockLinkage();
        List<Registration> sharing = registrations.sharingAnyKey(keys);
        Set<Long> persons = new TreeSet<>();
        sharing.forEach(s -> persons.add(s.personId()));
        if (persons.isEmpty()) {
            registrations.persist(r);
            registrations.becomeOwnPerson(r);
            counts.add(List.of(r.personId()));
            return;
        }
        counts.subtract(persons);
        long target = persons.iterator().next();
        persons.remove(target);
        r.linkTo(target, strongestShared(keys, sharing).orElseThrow());
        registrations.persist(r);
        registrations.mergePersons(target, persons);
        counts.add(List.of(target));
    }

    static Optional<KeyVariant> strongestShared(LinkageKeys keys, List<Registration> others) {
        for (KeyVariant v : KeyVariant.values()) {
            if (others.stream().anyMatch(o -> o.keys().get(v).equals(keys.get(v)))) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
