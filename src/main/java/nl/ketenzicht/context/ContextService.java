package nl.ketenzicht.context;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import nl.ketenzicht.audit.AccessEvent;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.context.ContextRequests.CapacityRequest;
import nl.ketenzicht.context.ContextRequests.CapacityValue;
import nl.ketenzicht.context.ContextRequests.CapacityView;
import nl.ketenzicht.context.ContextRequests.PriorityRequest;
import nl.ketenzicht.context.ContextRequests.PriorityView;
import nl.ketenzicht.context.ContextRequests.Version;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reports.ReportDataChanged;
import nl.ketenzicht.shared.Checks;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.Page;
import nl.ketenzicht.shared.Versions;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Capacity per police unit and local priority per municipality, per year. A value is saved as a new
 * version with who and when, the old one kept in the history; the first save needs no If-Match, every
 * later one the ETag of the version it changes (428 without, 412 when someone saved first). Saving the
 * same values again makes no version. Every read and change is in the access log.
 *
 * <p>The public methods call only private helpers of this bean, never another of its intercepted
 * methods: Payara's transactional interceptor keeps the caller's state in one field per bean instance,
 * so a nested intercepted call on the same instance can leave the calling thread unable to use
 * UserTransaction afterwards. Seen with the import's background run, which begins a transaction per unit:
 * after a context row every later unit failed ("Operation not allowed") until these calls were made private.
 */
@RequestScoped
@Transactional
public class ContextService {

    static final String CAPACITY = "context-capacity";
    static final String PRIORITY = "context-priority";
    private static final String FAILED = "The context could not be read or written";

    @Inject
    Jdbc jdbc;

    @Inject
    ContextScope scope;

    @Inject
    CurrentCaller caller;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    Event<ReportDataChanged> dataChanged;

    /** A saved value and whether this save created it. */
    public record Saved<T>(T view, boolean created, long version) {}

    public Page<CapacityView> capacities(String unit, Integer year, int offset, int limit) {
        String only = scope.listUnit(unit);
        Page<CapacityView> page = jdbc.with(FAILED, c -> CapacityRepository.list(c, only, year, offset, limit));
        log.record(new AccessEvent(
                AccessEvent.Action.SEARCH,
                CAPACITY,
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                "unit=" + (only == null ? "*" : only) + " year=" + (year == null ? "*" : year),
                false));
        return page;
    }

    public CapacityView capacity(String unit, int year) {
        scope.requireUnit(unit);
        CapacityView v = jdbc.with(FAILED, c -> CapacityRepository.find(c, unit, year, false))
                .orElseThrow(() -> notFound(CAPACITY, unit + " " + year));
        read(CAPACITY, unit + " " + year);
        return v;
    }

    public List<Version<CapacityValue>> capacityHistory(String unit, int year) {
        scope.requireUnit(unit);
        List<Version<CapacityValue>> versions = jdbc.with(FAILED, c -> CapacityRepository.history(c, unit, year));
        if (versions.isEmpty()) {
            throw notFound(CAPACITY, unit + " " + year);
        }
        read(CAPACITY, unit + " " + year + " history");
        return versions;
    }

    public Saved<CapacityView> saveCapacity(String unit, int year, String ifMatch, CapacityRequest r) {
        scope.requireUnit(unit);
        capacityChecks(year, r).throwIfAny();
        return jdbc.with(
                FAILED,
                c -> saveCapacityOn(c, unit, year, ifMatch == null ? null : Versions.fromIfMatch(ifMatch), r, true));
    }

    /** What a row of an import did to a value. */
    public enum Imported {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * A capacity row of an import: the API's scope and checks, saved over the current version as an
     * upload is (the import's preview showed the change), a new version only where a value changes.
     */
    public Imported importCapacity(String unit, Integer year, CapacityRequest r) {
        scope.requireUnit(unit);
        capacityChecks(year, r).throwIfAny();
        return jdbc.with(FAILED, c -> {
            Optional<Long> before = CapacityRepository.find(c, unit, year, true).map(CapacityView::version);
            return imported(before, saveCapacityOn(c, unit, year, null, r, false));
        });
    }

    /** A priority row of an import, as {@link #importCapacity}. */
    public Imported importPriority(String municipality, Integer year, PriorityRequest r) {
        scope.requireMunicipality(municipality);
        priorityChecks(year, r).throwIfAny();
        return jdbc.with(FAILED, c -> {
            Optional<Long> before =
                    PriorityRepository.find(c, municipality, year, true).map(PriorityView::version);
            return imported(before, savePriorityOn(c, municipality, year, null, r, false));
        });
    }

    private static Imported imported(Optional<Long> before, Saved<?> saved) {
        if (before.isEmpty()) {
            return Imported.CREATED;
        }
        return before.get() == saved.version() ? Imported.UNCHANGED : Imported.UPDATED;
    }

    /** The checks of a capacity value, for the API and each row of an upload. */
    Checks checkCapacity(int year, CapacityRequest r) {
        return capacityChecks(year, r);
    }

    private Checks capacityChecks(Integer year, CapacityRequest r) {
        Checks checks = yearChecks(year, r);
        ContextRules.capacity(checks, r);
        return checks;
    }

    /** The request's constraints and its year (which a row of an import may lack; an address never does). */
    private Checks yearChecks(Integer year, Object request) {
        Checks checks = new Checks(clock).valid(validator, request);
        if (year == null) {
            checks.fail("year", nl.ketenzicht.shared.problem.MessageCode.REQUIRED, "Fill in the year.");
        } else {
            ContextRules.year(checks, "year", year, LocalDate.now(clock));
        }
        return checks;
    }

    /**
     * Saves on the caller's connection; {@code expected} null: the value must be new, or (for an
     * upload, {@code strict} false) is saved over whatever version is current.
     */
    Saved<CapacityView> saveCapacity(
            Connection c, String unit, int year, Long expected, CapacityRequest r, boolean strict) throws SQLException {
        return saveCapacityOn(c, unit, year, expected, r, strict);
    }

    private Saved<CapacityView> saveCapacityOn(
            Connection c, String unit, int year, Long expected, CapacityRequest r, boolean strict) throws SQLException {
        Optional<CapacityView> current = CapacityRepository.find(c, unit, year, true);
        long version = nextVersion(current.map(CapacityView::version), expected, strict);
        if (current.isPresent() && same(current.get(), r)) {
            return new Saved<>(current.get(), false, current.get().version());
        }
        try {
            CapacityRepository.save(c, unit, year, r, version, caller.require().actor(), clock.instant());
        } catch (java.sql.SQLIntegrityConstraintViolationException e) {
            throw Versions.stale(); // created by someone else since it was read
        }
        changed(version, CAPACITY, unit + " " + year + " v" + version);
        return new Saved<>(CapacityRepository.find(c, unit, year, false).orElseThrow(), version == 1, version);
    }

    public Page<PriorityView> priorities(String unit, Integer year, Boolean priority, int offset, int limit) {
        String only = scope.listUnit(unit);
        Page<PriorityView> page =
                jdbc.with(FAILED, c -> PriorityRepository.list(c, only, year, priority, offset, limit));
        log.record(new AccessEvent(
                AccessEvent.Action.SEARCH,
                PRIORITY,
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                "unit=" + (only == null ? "*" : only) + " year=" + (year == null ? "*" : year),
                false));
        return page;
    }

    public PriorityView priority(String municipality, int year) {
        scope.requireMunicipality(municipality);
        PriorityView v = jdbc.with(FAILED, c -> PriorityRepository.find(c, municipality, year, false))
                .orElseThrow(() -> notFound(PRIORITY, municipality + " " + year));
        read(PRIORITY, municipality + " " + year);
        return v;
    }

    public List<Version<Boolean>> priorityHistory(String municipality, int year) {
        scope.requireMunicipality(municipality);
        List<Version<Boolean>> versions = jdbc.with(FAILED, c -> PriorityRepository.history(c, municipality, year));
        if (versions.isEmpty()) {
            throw notFound(PRIORITY, municipality + " " + year);
        }
        read(PRIORITY, municipality + " " + year + " history");
        return versions;
    }

    public Saved<PriorityView> savePriority(String municipality, int year, String ifMatch, PriorityRequest r) {
        scope.requireMunicipality(municipality);
        priorityChecks(year, r).throwIfAny();
        return jdbc.with(
                FAILED,
                c -> savePriorityOn(
                        c, municipality, year, ifMatch == null ? null : Versions.fromIfMatch(ifMatch), r, true));
    }

    Checks checkPriority(int year, PriorityRequest r) {
        return priorityChecks(year, r);
    }

    private Checks priorityChecks(Integer year, PriorityRequest r) {
        return yearChecks(year, r);
    }

    Saved<PriorityView> savePriority(
            Connection c, String municipality, int year, Long expected, PriorityRequest r, boolean strict)
            throws SQLException {
        return savePriorityOn(c, municipality, year, expected, r, strict);
    }

    private Saved<PriorityView> savePriorityOn(
            Connection c, String municipality, int year, Long expected, PriorityRequest r, boolean strict)
            throws SQLException {
        Optional<PriorityView> current = PriorityRepository.find(c, municipality, year, true);
        long version = nextVersion(current.map(PriorityView::version), expected, strict);
        if (current.isPresent() && current.get().priority() == r.priority()) {
            return new Saved<>(current.get(), false, current.get().version());
        }
        try {
            PriorityRepository.save(
                    c,
                    municipality,
                    year,
                    r.priority(),
                    version,
                    caller.require().actor(),
                    clock.instant());
        } catch (java.sql.SQLIntegrityConstraintViolationException e) {
            throw Versions.stale();
        }
        changed(version, PRIORITY, municipality + " " + year + " v" + version);
        return new Saved<>(PriorityRepository.find(c, municipality, year, false).orElseThrow(), version == 1, version);
    }

    /**
     * The version a save makes: 1 for a new value (which nobody can have read, so an If-Match is
     * stale); else the next, when If-Match names the current one (428 without one, unless an upload).
     */
    static long nextVersion(Optional<Long> current, Long expected, boolean strict) {
        if (current.isEmpty()) {
            if (expected != null) {
                throw Versions.stale();
            }
            return 1;
        }
        if (expected == null && strict) {
            Versions.fromIfMatch(null);
        }
        if (expected != null) {
            Versions.check(current.get(), expected);
        }
        return current.get() + 1;
    }

    private static boolean same(CapacityView v, CapacityRequest r) {
        return ContextRules.sameFte(v.avim(), r.avim())
                && ContextRules.sameFte(v.zeden(), r.zeden())
                && ContextRules.sameFte(v.digital(), r.digital())
                && ContextRules.sameFte(v.psychologists(), r.psychologists());
    }

    private void changed(long version, String type, String what) {
        dataChanged.fire(new ReportDataChanged(type));
        log.record(new AccessEvent(
                version == 1 ? AccessEvent.Action.CREATE : AccessEvent.Action.UPDATE,
                type,
                List.of(),
                List.of(),
                AccessEvent.Outcome.SUCCESS,
                what,
                false));
    }

    private void read(String type, String what) {
        log.record(new AccessEvent(
                AccessEvent.Action.READ, type, List.of(), List.of(), AccessEvent.Outcome.SUCCESS, what, false));
    }

    private ProblemException notFound(String type, String what) {
        log.recordApart(new AccessEvent(
                AccessEvent.Action.READ, type, List.of(), List.of(), AccessEvent.Outcome.NOT_FOUND, what, false));
        return ProblemException.notFound("The " + type.substring("context-".length()) + " of " + what);
    }
}
