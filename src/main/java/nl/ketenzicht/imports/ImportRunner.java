package nl.ketenzicht.imports;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import nl.ketenzicht.audit.AccessLog;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.reports.aggregates.BulkLoadRebuild;
import nl.ketenzicht.reports.aggregates.RebuildRequests;
import nl.ketenzicht.reports.aggregates.ReportAggregates;
import nl.ketenzicht.shared.DatabaseMigrator;
import nl.ketenzicht.shared.Jdbc;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Runs a job's preview or commit in the background (the container's managed executor), acting for
 * the caller who started it. Each unit (a case with its parties and steps) is applied row by row in
 * a transaction through {@link RowApplier}; a row the services refuse is recorded with its problems,
 * the transaction is rolled back and the unit's good rows replayed, so that every row of the file is
 * checked. A preview always rolls back. A commit per case keeps a unit only when all its rows pass;
 * all or nothing keeps the whole file in one transaction, or nothing. Cancelling stops between units.
 */
@ApplicationScoped
class ImportRunner {

    private static final Logger LOG = Logger.getLogger(ImportRunner.class.getName());
    private static final long PROGRESS_EVERY_MS = 500;
    private static final int UNIT_TIMEOUT_SECONDS = 300;
    private static final int ATOMIC_TIMEOUT_SECONDS = 4 * 3600;
    /**
     * Rows drafted and written together by the bulk way (one transaction, one batch per table): small
     * enough that a chunk's transaction stays short beside the API's writers and a lost connection
     * costs little to write again.
     */
    static final int CHUNK_ROWS = 500;

    @Resource
    ManagedExecutorService executor;

    @Resource
    UserTransaction utx;

    @Inject
    Instance<RequestContextController> contexts;

    @Inject
    CurrentCaller caller;

    @Inject
    RowApplier applier;

    @Inject
    NewUnits newUnits;

    @Inject
    ImportReferences references;

    @Inject
    AccessLog log;

    @Inject
    Clock clock;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportConfig config;

    @Inject
    Jdbc jdbc;

    @Inject
    ImportUploads uploads;

    @Inject
    BulkLoadRebuild aggregates;

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    void recoverInterrupted(@Observes DatabaseMigrator.SchemaReady ready) {
        int n = jobs.interrupted();
        if (n > 0) {
            LOG.warning(() -> n + " import job(s) were running when the server stopped; marked failed.");
        }
    }

    void start(long jobId) {
        executor.submit(() -> run(jobId));
    }

    private void run(long jobId) {
        ImportJob job = jobs.get(jobId);
        Run run = new Run(job);
        try {
            run.execute();
        } catch (ProblemException e) {
            rollbackQuietly();
            jobs.failed(jobId, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            rollbackQuietly();
            LOG.log(Level.WARNING, "Import job " + jobId + " failed", e);
            jobs.failed(jobId, MessageCode.IMPORT_FAILED, e.getClass().getSimpleName());
        }
        try {
            uploads.ended(jobId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Import job " + jobId + ": the uploaded file stays until its retention", e);
        }
    }

    /** One run of one job: its counters, the unit's state and the problems waiting to be stored. */
    private final class Run {
        private final ImportJob job;
        private final Caller who;
        private final boolean preview;
        private final boolean atomic;
        private int rows;
        private int created;
        private int updated;
        private int unchanged;
        private int refused;
        private int refusedUnits;
        private int storedProblems;
        private long lastProgress = System.currentTimeMillis();
        /** All or nothing only: a refused row was seen, the transaction is gone, the rest is only checked. */
        private boolean atomicBroken;
        /**
         * A large commit's bulk chunks leave the report aggregates alone; they are rebuilt from the
         * base tables once at the end (one pass instead of a refresh per case).
         */
        private final boolean rebuildAtEnd;
        /** The standing rebuild request, filed before the first chunk that leaves the aggregates behind. */
        private Long rebuildRequest;

        Run(ImportJob job) {
            this.job = job;
            this.who = job.caller();
            this.preview = job.phase() == ImportJob.Phase.PREVIEW;
            this.atomic = !preview && job.mode() == ImportJob.Mode.ALL_OR_NOTHING;
            this.rebuildAtEnd = !preview
                    && !atomic
                    && job.template().byCase()
                    && job.totalRows() >= config.rebuildFromRows(job.organisationId());
        }

        ImportJob.Counts counts() {
            return new ImportJob.Counts(rows, created, updated, unchanged, refused, refusedUnits);
        }

        void execute() {
            boolean cancelled;
            try {
                cancelled = applyFile();
            } catch (RuntimeException e) {
                if (rebuildRequest != null) {
                    rebuildAggregates();
                }
                throw e;
            }
            if (rebuildRequest != null && !rebuildAggregates()) {
                jobs.progress(job.id(), counts());
                jobs.failed(
                        job.id(),
                        MessageCode.IMPORT_REBUILD_FAILED,
                        "The rows were imported, but the report aggregates could not be rebuilt; "
                                + "the next start of the server rebuilds them.");
                return;
            }
            finish(cancelled);
        }

        /** The standing request withdrawn once the rebuild has run; false (the request stands) when it failed. */
        private boolean rebuildAggregates() {
            try {
                aggregates.rebuildNow("import job " + job.id() + " (" + rows + " rows)");
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.log(
                        Level.SEVERE,
                        "Import job " + job.id() + ": the report aggregates were not rebuilt; the request stands",
                        e);
                return false;
            }
            try {
                jdbc.with("Rebuild request", c -> {
                    RebuildRequests.withdraw(c, List.of(rebuildRequest));
                    return null;
                });
            } catch (RuntimeException e) {
                // Rebuilt all the same: the request left standing costs one more rebuild at the next start.
                LOG.log(Level.WARNING, "Import job " + job.id() + ": rebuild request not withdrawn", e);
            }
            return true;
        }

        /** Applies the file's units; true when the user cancelled. */
        private boolean applyFile() {
            boolean cancelled = false;
            try (SheetRows sheet = job.fileType().open(Path.of(job.filePath()), config.limits())) {
                CaseUnits units = new CaseUnits(sheet, job.template());
                if (atomic) {
                    begin(ATOMIC_TIMEOUT_SECONDS);
                }
                List<List<ImportRow>> chunk = new ArrayList<>();
                int chunkRows = 0;
                while (units.hasNext()) {
                    List<ImportRow> unit = units.next();
                    if (atomic) {
                        applyUnit(parse(unit));
                    } else {
                        chunk.add(unit);
                        chunkRows += unit.size();
                        if (chunkRows >= CHUNK_ROWS || !units.hasNext()) {
                            applyChunk(chunk);
                            chunk = new ArrayList<>();
                            chunkRows = 0;
                        }
                    }
                    if (System.currentTimeMillis() - lastProgress >= PROGRESS_EVERY_MS) {
                        lastProgress = System.currentTimeMillis();
                        if (jobs.progress(job.id(), counts())) {
                            cancelled = true;
                            break;
                        }
                    }
                }
            }
            return cancelled;
        }

        private void finish(boolean cancelled) {
            if (atomic) {
                if (cancelled || atomicBroken) {
                    rollbackQuietly();
                    created = 0;
                    updated = 0;
                    unchanged = 0;
                } else {
                    commit();
                }
            }
            if (cancelled) {
                jobs.cancelled(job.id(), counts());
            } else if (atomic && atomicBroken) {
                jobs.progress(job.id(), counts());
                jobs.failed(
                        job.id(),
                        MessageCode.IMPORT_NOTHING_APPLIED,
                        refused + " row(s) refused; all or nothing applied nothing.");
            } else {
                jobs.finish(job.id(), counts());
            }
        }

        /**
         * A chunk of units: those that only create (a case reference not imported before) and pass
         * every rule are drafted by the services' own checks and written together in one transaction
         * ({@link NewUnits}, {@link UnitWriter}); every other unit, or all of them when the chunk's
         * write fails, goes the services' way one unit at a time.
         */
        private void applyChunk(List<List<ImportRow>> rows) {
            List<List<RowRequests.Parsed>> slow = new ArrayList<>();
            List<NewUnits.Unit> fast = new ArrayList<>();
            RequestContextController context = contexts.get();
            context.activate();
            try {
                caller.actAs(who, job.remoteAddress());
                List<List<RowRequests.Parsed>> parsed =
                        rows.stream().map(ImportRunner::parse).toList();
                // Only new cases go the bulk way; context and registrations are few and go the services' way.
                boolean byCase = job.template().byCase();
                Set<String> known = !byCase
                        ? Set.of()
                        : references.knownCases(
                                job.organisationId(),
                                parsed.stream()
                                        .map(u -> u.get(0).row().caseRef())
                                        .filter(java.util.Objects::nonNull)
                                        .toList());
                java.time.Instant now = clock.instant();
                for (List<RowRequests.Parsed> unit : parsed) {
                    String ref = unit.get(0).row().caseRef();
                    NewUnits.Unit drafted = !byCase || ref == null || known.contains(ref)
                            ? null
                            : newUnits.draft(unit, job.organisationId(), who.actor(), now);
                    if (drafted == null) {
                        slow.add(unit);
                    } else {
                        fast.add(drafted);
                    }
                }
                if (!preview && !fast.isEmpty() && !write(fast, now)) {
                    fast.forEach(u -> slow.add(u.rows()));
                    fast.clear();
                }
            } finally {
                context.deactivate();
                contexts.destroy(context);
            }
            for (NewUnits.Unit u : fast) {
                UnitResult created = new UnitResult();
                u.rows().forEach(p -> created.outcomes.put(p.row().number(), RowApplier.Outcome.CREATED));
                count(u.rows(), created, !preview);
            }
            slow.forEach(this::applyUnit);
        }

        /**
         * Writes the drafted units in one transaction of their own, on a connection without the pool's
         * socket timeout (a large batch may take longer than it), again on a fresh connection when the
         * connection was lost; false (nothing written) when it failed otherwise.
         */
        private boolean write(List<NewUnits.Unit> units, java.time.Instant now) {
            try {
                if (rebuildAtEnd && rebuildRequest == null) {
                    rebuildRequest = jdbc.with(
                            "Rebuild request", c -> RebuildRequests.file(c, "import job " + job.id(), clock.instant()));
                }
                int[] attempts = {0};
                jdbc.unboundedRetrying(c -> {
                    if (attempts[0]++ > 0 && written(c, units.get(0))) {
                        // The commit reached the server before the connection went.
                        return null;
                    }
                    writeOn(c, units, now);
                    return null;
                });
                return true;
            } catch (java.sql.SQLException | RuntimeException e) {
                LOG.log(Level.INFO, "Import job " + job.id() + ": a chunk goes the services' way", e);
                return false;
            }
        }

        private void writeOn(java.sql.Connection c, List<NewUnits.Unit> units, java.time.Instant now)
                throws java.sql.SQLException {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                UnitWriter.Written written = new UnitWriter(c, job.organisationId(), job.id(), now).write(units);
                log.recordOwnChanges(c, written.events());
                if (!rebuildAtEnd) {
                    for (long caseId : written.caseIds()) {
                        ReportAggregates.refresh(c, caseId);
                    }
                }
                c.commit();
            } catch (java.sql.SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (java.sql.SQLException lost) {
                    e.addSuppressed(lost);
                }
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }

        /** Whether the unit's case reference is mapped: its chunk committed (a chunk commits whole). */
        private boolean written(java.sql.Connection c, NewUnits.Unit unit) throws java.sql.SQLException {
            try (java.sql.PreparedStatement q = c.prepareStatement("SELECT 1 FROM import_reference "
                    + "WHERE organisation_id = ? AND record_type = 'CASE' AND case_ref = ?")) {
                q.setLong(1, job.organisationId());
                q.setString(2, unit.caseRef());
                try (java.sql.ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        }

        private void applyUnit(List<RowRequests.Parsed> parsed) {
            boolean ownTransaction = !atomic || atomicBroken;
            RequestContextController context = contexts.get();
            context.activate();
            try {
                caller.actAs(who, job.remoteAddress());
                if (ownTransaction) {
                    begin(UNIT_TIMEOUT_SECONDS);
                }
                UnitResult result = applyRows(parsed);
                boolean keep = !preview && result.problems.isEmpty() && !atomicBroken;
                if (ownTransaction) {
                    if (keep) {
                        commit();
                    } else {
                        rollbackQuietly();
                    }
                } else if (!result.problems.isEmpty()) {
                    // All or nothing: the file's transaction is lost; from here each unit is only checked.
                    rollbackQuietly();
                    atomicBroken = true;
                    created = 0;
                    updated = 0;
                    unchanged = 0;
                } else {
                    em.flush();
                    em.clear();
                }
                count(parsed, result, keep || atomic && !atomicBroken);
            } finally {
                context.deactivate();
                contexts.destroy(context);
            }
        }

        private void count(List<RowRequests.Parsed> parsed, UnitResult result, boolean kept) {
            rows += parsed.size();
            List<RowProblem> problems = new ArrayList<>(result.problems);
            Set<Integer> refusedRows = new HashSet<>();
            result.problems.forEach(p -> refusedRows.add(p.row()));
            boolean unitRefused = !refusedRows.isEmpty();
            refusedUnits += unitRefused ? 1 : 0;
            for (RowRequests.Parsed p : parsed) {
                int n = p.row().number();
                if (refusedRows.contains(n)) {
                    refused++;
                } else if (unitRefused && !preview) {
                    // Per case: the unit goes in whole or not at all, so its good rows are refused with it.
                    refused++;
                    problems.add(RowProblem.of(
                            n,
                            null,
                            MessageCode.IMPORT_UNIT_REFUSED,
                            Map.of("reference", String.valueOf(p.row().caseRef())),
                            "Another row of this case was refused; the case is imported whole or not at all."));
                } else {
                    switch (result.outcomes.get(n)) {
                        case CREATED -> created++;
                        case UPDATED -> updated++;
                        case UNCHANGED -> unchanged++;
                    }
                }
            }
            store(problems);
        }

        private void store(List<RowProblem> problems) {
            int room = config.maxProblems() - storedProblems;
            if (room <= 0 || problems.isEmpty()) {
                return;
            }
            List<RowProblem> kept = problems.size() <= room ? problems : problems.subList(0, room);
            storedProblems += kept.size();
            jobs.addProblems(job.id(), kept);
        }

        private UnitResult applyRows(List<RowRequests.Parsed> rows) {
            UnitResult result = new UnitResult();
            RowApplier.UnitState state = new RowApplier.UnitState(job.organisationId(), job.id());
            List<RowRequests.Parsed> applied = new ArrayList<>();
            Set<String> refusedRefs = new HashSet<>();
            Set<String> references = new HashSet<>();
            boolean caseRefused = false;
            for (RowRequests.Parsed p : rows) {
                ImportRow row = p.row();
                List<RowProblem> problems = new ArrayList<>(p.problems());
                if (row.usable() && !references.add(row.kind().referenceType() + "\u0001" + row.reference())) {
                    problems.add(RowProblem.of(
                            row.number(),
                            ImportColumn.REFERENCE,
                            MessageCode.IMPORT_DUPLICATE_REFERENCE,
                            Map.of("reference", row.reference()),
                            "This reference is used by another row of this case."));
                }
                String dependency =
                        row.usable() ? dependency(p, refusedRefs, caseRefused && state.caseId == null) : null;
                if (dependency != null) {
                    problems.add(RowProblem.of(
                            row.number(),
                            null,
                            MessageCode.IMPORT_DEPENDS_ON_REFUSED,
                            Map.of("reference", dependency),
                            "This row depends on " + dependency + ", which was refused."));
                }
                boolean attempted = false;
                if (row.usable() && dependency == null) {
                    attempted = true;
                    try {
                        result.outcomes.put(row.number(), applier.apply(p, state));
                    } catch (RowApplier.Refused e) {
                        problems.addAll(e.problems);
                    } catch (ProblemException e) {
                        if (e.status() >= 500) {
                            throw e;
                        }
                        problems.addAll(RowOutcomes.problemsOf(e, p, problems));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Import job " + job.id() + ", row " + row.number(), e);
                        problems.add(RowProblem.of(
                                row.number(),
                                null,
                                MessageCode.IMPORT_ROW_FAILED,
                                Map.of(),
                                "This row could not be applied: " + e.getClass().getSimpleName()));
                    }
                }
                if (problems.isEmpty()) {
                    applied.add(p);
                    continue;
                }
                result.problems.addAll(problems);
                result.outcomes.remove(row.number());
                if (row.kind() == RecordKind.CASE) {
                    caseRefused = true;
                } else if (row.reference() != null) {
                    refusedRefs.add(row.reference());
                }
                if (attempted && (!atomic || atomicBroken)) {
                    replay(applied, state);
                } else if (attempted) {
                    return result;
                }
            }
            return result;
        }

        /** The reference of a refused row this one needs, or null. */
        private String dependency(RowRequests.Parsed p, Set<String> refusedRefs, boolean caseGone) {
            if (caseGone && p.row().kind() != RecordKind.CASE) {
                return p.row().caseRef();
            }
            if (p.party() != null && refusedRefs.contains(p.party())) {
                return p.party();
            }
            return p.linkedVictims().stream()
                    .filter(refusedRefs::contains)
                    .findFirst()
                    .orElse(null);
        }

        /** A refused row spoiled the transaction: start again and re-apply the unit's rows that passed. */
        private void replay(List<RowRequests.Parsed> applied, RowApplier.UnitState state) {
            rollbackQuietly();
            begin(UNIT_TIMEOUT_SECONDS);
            state.caseId = null;
            for (RowRequests.Parsed p : applied) {
                applier.apply(p, state);
            }
        }
    }

    /** The unit's rows as requests, in the order the services need (a party before its links and steps). */
    static List<RowRequests.Parsed> parse(List<ImportRow> unit) {
        return unit.stream()
                .map(r -> r.usable()
                        ? RowRequests.parse(r)
                        : new RowRequests.Parsed(r, null, null, Set.of(), null, null, r.problems()))
                .sorted(Comparator.comparing((RowRequests.Parsed p) ->
                        p.row().kind() == null ? -1 : p.row().kind().ordinal()))
                .toList();
    }

    private static final class UnitResult {
        final List<RowProblem> problems = new ArrayList<>();
        final Map<Integer, RowApplier.Outcome> outcomes = new java.util.HashMap<>();
    }

    private void begin(int timeoutSeconds) {
        try {
            utx.setTransactionTimeout(timeoutSeconds);
            utx.begin();
        } catch (Exception e) {
            throw new IllegalStateException("No transaction for the import", e);
        }
    }

    private void commit() {
        try {
            utx.commit();
        } catch (Exception e) {
            rollbackQuietly();
            throw new IllegalStateException("The import's transaction did not commit", e);
        }
    }

    private void rollbackQuietly() {
        try {
            if (utx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                utx.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "Rollback of an import transaction", e);
        }
    }
}
