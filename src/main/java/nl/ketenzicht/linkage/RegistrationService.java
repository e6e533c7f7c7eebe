package nl.ketenzicht.linkage;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.cases.CaseService;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.linkage.RegistrationRequests.Fingerprint;
import nl.ketenzicht.linkage.RegistrationRequests.RegistrationRequest;
import nl.ketenzicht.linkage.RegistrationRequests.RegistrationView;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reference.ReferenceViews;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.security.Organisation;
import nl.ketenzicht.security.Users;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Idempotency;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Registering victims for the dark-number estimate: checks the request, registers it through
 * {@link RegistrationLinking} (keys, linkage, overlap counts) and logs every access. Case workers
 * reach only their own organisation's registrations.
 */
@RequestScoped
@Transactional
public class RegistrationService {

    @Inject
    RegistrationRepository registrations;

    @Inject
    RegistrationLinking linking;

    @Inject
    OverlapCounts counts;

    @Inject
    LinkageSecret secret;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessLog log;

    @Inject
    Idempotency idempotency;

    @Inject
    ReferenceData reference;

    @Inject
    Users users;

    @Inject
    CaseService cases;

    @Inject
    Clock clock;

    @Inject
    jakarta.validation.Validator validator;

    /** What an Idempotency-Key is compared on; never the identity itself, which must not be stored. */
    @Inject
    Event<ReportDataChanged> dataChanged;

    public Fingerprint fingerprint(RegistrationRequest request) {
        return new Fingerprint(
                request.registeredOn(),
                request.municipalityCode(),
                secret.keysOf(request.identity()).full(),
                request.caseId());
    }

    public Idempotency.Created<RegistrationView> register(
            RegistrationRequest request, Idempotency.Token token, URI base) {
        Caller me = caller.require();
        ReferenceViews.Municipality place = checked(request);
        Organisation org = users.organisation(me.organisationId()).orElseThrow();
        Registration r =
                linking.register(org, request.registeredOn(), place, request.identity(), request.caseId(), me.actor());
        dataChanged.fire(new ReportDataChanged("registration"));
        log.record(AccessEvent.of(AccessEvent.Action.CREATE, "registration", r.id(), List.of()));
        var created = new Idempotency.Created<>(
                RegistrationView.of(r), base.resolve("api/registrations/" + r.id()), r.version());
        idempotency.remember(token, created);
        return created;
    }

    public RegistrationView get(long id) {
        Registration r = own(id);
        log.record(AccessEvent.of(AccessEvent.Action.READ, "registration", id, List.of()));
        return RegistrationView.of(r);
    }

    public Page<RegistrationView> list(LocalDate from, LocalDate to, int offset, int limit) {
        LocalDate start = from == null ? LocalDate.of(1900, 1, 1) : from;
        LocalDate end = to == null ? LocalDate.of(9999, 12, 31) : to;
        long org = caller.require().organisationId();
        List<Registration> page = registrations.pageOwn(org, start, end, offset, limit);
        log.record(new AccessEvent(
                AccessEvent.Action.SEARCH,
                "registration",
                page.stream().map(Registration::id).toList(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                null,
                false));
        return new Page<>(
                page.stream().map(RegistrationView::of).toList(),
                registrations.countOwn(org, start, end),
                offset,
                limit);
    }

    /** Withdraws a registration (e.g. one made in error); the person it belonged to is re-linked. */
    public void withdraw(long id) {
        withdrawOwn(id);
    }

    private void withdrawOwn(long id) {
        Registration r = own(id);
        registrations.lockLinkage();
        long person = r.personId();
        counts.subtract(List.of(person));
        registrations.delete(r);
        List<Registration> remaining = registrations.ofPerson(person);
        relink(remaining);
        counts.add(remaining.stream().map(Registration::personId).collect(Collectors.toCollection(TreeSet::new)));
        dataChanged.fire(new ReportDataChanged("registration"));
        log.record(AccessEvent.of(AccessEvent.Action.DELETE, "registration", id, List.of()));
    }

    /**
     * Withdraws a registration of the caller's organisation if it is still there (an import replacing the
     * one it made before, which someone may have withdrawn since); false when it is gone.
     */
    public boolean withdrawIfPresent(long id) {
        if (registrations.findOwn(id, caller.require().organisationId()).isEmpty()) {
            return false;
        }
        withdrawOwn(id);
        return true;
    }

    /** Recomputes the persons of what remains of one person, which may fall apart without the withdrawn link. */
    private void relink(List<Registration> remaining) {
        Linker linker = new Linker();
        List<Optional<KeyVariant>> via =
                remaining.stream().map(x -> linker.add(x.keys())).toList();
        for (int i = 0; i < remaining.size(); i++) {
            remaining
                    .get(i)
                    .linkTo(remaining.get(linker.person(i)).id(), via.get(i).orElse(null));
        }
        registrations.flush();
    }

    /**
     * Every check of a registration (its constraints, dates, names, municipality and the case it names,
     * which must be one the caller may change): the API's, and each row of an import before its keys are
     * made. The municipality it names.
     */
    public ReferenceViews.Municipality check(RegistrationRequest request) {
        return checked(request);
    }

    /*
     * Public methods call private helpers, never another intercepted method of this bean: Payara's
     * transactional interceptor keeps the caller's state in one field per bean instance, and a nested
     * intercepted call can leave the thread unable to use UserTransaction (the import's run needs it).
     */
    private ReferenceViews.Municipality checked(RegistrationRequest request) {
        new Checks(clock).valid(validator, request).throwIfAny();
        ReferenceViews.Municipality place = validate(request);
        if (request.caseId() != null) {
            cases.requireWritable(request.caseId());
        }
        return place;
    }

    private ReferenceViews.Municipality validate(RegistrationRequest request) {
        Checks checks = new Checks(clock)
                .past("registeredOn", request.registeredOn())
                .past("birthDate", request.birthDate())
                .require(
                        !request.registeredOn().isBefore(request.birthDate()),
                        "registeredOn",
                        MessageCode.REGISTRATION_BEFORE_BIRTH,
                        "A registration cannot precede the birth date.")
                .require(
                        !Names.firstName(request.firstName()).isEmpty(),
                        "firstName",
                        MessageCode.NAME_NEEDS_LETTER,
                        "Use at least one letter or digit.")
                .require(
                        !Names.familyName(request.familyName()).isEmpty(),
                        "familyName",
                        MessageCode.NAME_NEEDS_LETTER,
                        "Use at least one letter or digit.");
        Optional<ReferenceViews.Municipality> place = reference.municipality(request.municipalityCode());
        checks.require(
                        place.isPresent(),
                        "municipalityCode",
                        MessageCode.UNKNOWN_MUNICIPALITY,
                        "Unknown municipality code.")
                .throwIfAny();
        return place.orElseThrow();
    }

    private Registration own(long id) {
        return registrations.findOwn(id, caller.require().organisationId()).orElseThrow(() -> {
            log.recordApart(new AccessEvent(
                    AccessEvent.Action.READ,
                    "registration",
                    List.of(id),
                    List.of(),
                    AccessEvent.Outcome.NOT_FOUND,
                    null,
                    false));
            return ProblemException.notFound("Registration " + id);
        });
    }
}
