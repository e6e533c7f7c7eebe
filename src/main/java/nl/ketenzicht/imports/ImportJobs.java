package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * The jobs and their problems in the database. The background run changes a job in transactions of
 * its own (REQUIRES_NEW): its state and progress must be visible while a unit's transaction is open,
 * and a unit that rolls back must not take the job's record of its problems with it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
class ImportJobs {

    @PersistenceContext(unitName = "ketenzicht")
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRED)
    ImportJob create(ImportJob job) {
        em.persist(job);
        em.flush();
        return job;
    }

    /** The job, only for its own organisation: another organisation's job looks absent. */
    /** Whose jobs a caller reaches: their organisation's, of the kinds of file their role may import. */
    record Owner(long organisationId, java.util.Set<ImportTemplate> templates) {}

    /** A job of the owner's; any other is absent to them (404), as another organisation's case is. */
    ImportJob of(long id, Owner owner) {
        ImportJob job = em.find(ImportJob.class, id);
        if (job == null
                || job.organisationId() != owner.organisationId()
                || !owner.templates().contains(job.template())) {
            throw ProblemException.notFound("Import job " + id);
        }
        return job;
    }

    ImportJob get(long id) {
        return em.find(ImportJob.class, id);
    }

    List<ImportJob> recent(Owner owner, int limit) {
        return em.createQuery(
                        "SELECT j FROM ImportJob j WHERE j.organisationId = :o AND j.template IN :t ORDER BY j.id DESC",
                        ImportJob.class)
                .setParameter("o", owner.organisationId())
                .setParameter("t", owner.templates())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Whether no job was ever made (the demo seeds some then). */
    boolean none() {
        return em.createQuery("SELECT j.id FROM ImportJob j", Long.class)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    int running() {
        return ((Number) em.createQuery("SELECT COUNT(j) FROM ImportJob j WHERE j.status IN :s")
                        .setParameter("s", List.of(ImportJob.Status.PREVIEWING, ImportJob.Status.COMMITTING))
                        .getSingleResult())
                .intValue();
    }

    ImportJob startPreview(long id, Owner owner) {
        ImportJob job = of(id, owner);
        job.startPreview(clock.instant());
        em.createNativeQuery("DELETE FROM import_problem WHERE job_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        return job;
    }

    ImportJob startCommit(long id, Owner owner, ImportJob.Mode mode, int maxAtomicRows) {
        ImportJob job = of(id, owner);
        if (mode == ImportJob.Mode.ALL_OR_NOTHING && job.totalRows() > maxAtomicRows) {
            throw ProblemException.invalid(
                    "mode",
                    MessageCode.IMPORT_ATOMIC_TOO_LARGE,
                    Map.of("max", maxAtomicRows),
                    "All or nothing is possible up to " + maxAtomicRows + " rows; commit per case.");
        }
        job.startCommit(mode, clock.instant());
        em.createNativeQuery("DELETE FROM import_problem WHERE job_id = ?1")
                .setParameter(1, id)
                .executeUpdate();
        return job;
    }

    /** Records progress; true when the user asked to cancel. */
    boolean progress(long id, ImportJob.Counts counts) {
        ImportJob job = em.find(ImportJob.class, id);
        job.progress(counts);
        return job.cancelRequested();
    }

    void finish(long id, ImportJob.Counts counts) {
        em.find(ImportJob.class, id).finish(counts, clock.instant());
    }

    void cancelled(long id, ImportJob.Counts counts) {
        em.find(ImportJob.class, id).cancelled(counts, clock.instant());
    }

    void failed(long id, MessageCode code, String detail) {
        em.find(ImportJob.class, id).failed(code, detail, clock.instant());
    }

    ImportJob cancel(long id, Owner owner) {
        ImportJob job = of(id, owner);
        job.requestCancel();
        return job;
    }

    /** Jobs that were running when the server stopped cannot go on: their unit transactions rolled back. */
    int interrupted() {
        List<ImportJob> jobs = em.createQuery("SELECT j FROM ImportJob j WHERE j.status IN :s", ImportJob.class)
                .setParameter("s", List.of(ImportJob.Status.PREVIEWING, ImportJob.Status.COMMITTING))
                .getResultList();
        jobs.forEach(j ->
                j.failed(MessageCode.IMPORT_INTERRUPTED, "The server stopped while the job ran.", clock.instant()));
        return jobs.size();
    }

    /**
     * Takes the file from a job that needs it no more: committed without refused rows, or (when
     * {@code idleBefore} is given) not running and idle since before it. Returns the file to delete,
     * or null.
     */
    String releaseFile(long id, Instant idleBefore) {
        ImportJob job = em.find(ImportJob.class, id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.filePath() == null || job.running()) {
            return null;
        }
        boolean clean =
                job.status() == ImportJob.Status.COMMITTED && job.counts().refused() == 0;
        Instant last = job.finishedAt() != null ? job.finishedAt() : job.createdAt();
        if (!clean && (idleBefore == null || !last.isBefore(idleBefore))) {
            return null;
        }
        String path = job.filePath();
        job.fileDeleted();
        return path;
    }

    /** Jobs that still have a file and have been idle since before {@code idleBefore} (few: files go when jobs end). */
    List<Long> idleWithFile(Instant idleBefore) {
        return em
                .createQuery(
                        "SELECT j FROM ImportJob j WHERE j.filePath IS NOT NULL AND j.status NOT IN :running",
                        ImportJob.class)
                .setParameter("running", List.of(ImportJob.Status.PREVIEWING, ImportJob.Status.COMMITTING))
                .getResultList()
                .stream()
                .filter(j -> (j.finishedAt() != null ? j.finishedAt() : j.createdAt()).isBefore(idleBefore))
                .map(ImportJob::id)
                .toList();
    }

    /** The files the jobs still hold. */
    java.util.Set<String> filesKept() {
        return new java.util.HashSet<>(
                em.createQuery("SELECT j.filePath FROM ImportJob j WHERE j.filePath IS NOT NULL", String.class)
                        .getResultList());
    }

    void addProblems(long jobId, List<RowProblem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class);
        Map<Integer, Integer> seq = new LinkedHashMap<>();
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO import_problem (job_id, row_no, seq, column_name, code, rule_name, "
                        + "params, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (RowProblem p : problems) {
                s.setLong(1, jobId);
                s.setInt(2, p.row());
                s.setInt(3, seq.merge(p.row(), 1, Integer::sum));
                s.setString(4, p.column() == null ? null : p.column().name());
                s.setString(5, p.code());
                s.setString(6, p.rule());
                s.setString(7, p.params().isEmpty() ? null : clip(ImportJson.write(p.params()), 1000));
                s.setString(8, clip(p.message(), 1000));
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Problems of import job " + jobId + " could not be stored", e);
        }
    }

    List<RowProblem> problems(long jobId, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT row_no, column_name, code, rule_name, params, message FROM import_problem "
                                + "WHERE job_id = ?1 ORDER BY row_no, seq")
                .setParameter(1, jobId)
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
        List<RowProblem> problems = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            problems.add(new RowProblem(
                    ((Number) r[0]).intValue(),
                    r[1] == null ? null : ImportColumn.valueOf((String) r[1]),
                    (String) r[2],
                    (String) r[3],
                    r[4] == null ? Map.of() : ImportJson.read((String) r[4]),
                    (String) r[5]));
        }
        return problems;
    }

    long problemCount(long jobId) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM import_problem WHERE job_id = ?1")
                        .setParameter(1, jobId)
                        .getSingleResult())
                .longValue();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
