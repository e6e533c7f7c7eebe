package nl.ketenzicht.imports;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.CurrentCaller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.security.Scopes;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * Import jobs for the caller's organisation. Only those whose role may make a kind of file's writes
 * import it (case files and registrations: case workers, as for every write of case records; context:
 * coordinators and administrators), and each row is then applied in that caller's name by the
 * background run, meeting the API's scope. A job is visible to its own organisation only, and only to
 * the roles that may import its kind of file.
 */
@RequestScoped
public class ImportService {

    @Inject
    CurrentCaller caller;

    @Inject
    Scopes scopes;

    @Inject
    ImportStore store;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportRunner runner;

    @Inject
    ImportConfig config;

    @Inject
    Clock clock;

    private String language = "nl";

    /** The user's language for the texts of this request's answers. */
    public ImportService in(String language) {
        this.language = language;
        return this;
    }

    public ImportViews.JobView upload(InputStream body, String name, ImportTemplate template) {
        requireAllowed(template);
        UploadedFile file = store.store(body, name, template);
        try {
            return view(jobs.create(
                    new ImportJob(caller.require(), caller.remoteAddress(), template, file, clock.instant())));
        } catch (RuntimeException e) {
            ImportStore.delete(file.path());
            throw e;
        }
    }

    public ImportViews.JobView get(long id) {
        return view(jobs.of(id, owner()));
    }

    public List<ImportViews.JobView> recent() {
        return jobs.recent(owner(), 20).stream().map(this::view).toList();
    }

    public ImportViews.JobView preview(long id) {
        ImportJobs.Owner owner = owner();
        admit();
        ImportJob job = jobs.startPreview(id, owner);
        runner.start(job.id());
        return view(job);
    }

    public ImportViews.JobView commit(long id, ImportViews.CommitRequest request) {
        ImportJobs.Owner owner = owner();
        admit();
        ImportJob job =
                jobs.startCommit(id, owner, request.mode(), config.limits().maxAtomicRows());
        runner.start(job.id());
        return view(job);
    }

    public ImportViews.JobView cancel(long id) {
        return view(jobs.cancel(id, owner()));
    }

    public ImportViews.Problems problems(long id, int offset, int limit, String language) {
        ImportJob job = jobs.of(id, owner());
        List<ImportViews.ProblemView> items = jobs.problems(job.id(), offset, limit).stream()
                .map(p -> view(p, language))
                .toList();
        return new ImportViews.Problems(items, jobs.problemCount(job.id()), offset, limit);
    }

    public void refusedRows(long id, String language, OutputStream out) throws IOException {
        ImportJob job = jobs.of(id, owner());
        job.requireFile();
        Map<Integer, List<RowProblem>> byRow = new LinkedHashMap<>();
        for (RowProblem p : jobs.problems(job.id(), 0, config.maxProblems())) {
            byRow.computeIfAbsent(p.row(), r -> new ArrayList<>()).add(p);
        }
        RefusedRows.write(
                Path.of(job.filePath()), job.fileType(), job.template(), config.limits(), byRow, language, out);
    }

    public ImportJob job(long id) {
        return jobs.of(id, owner());
    }

    /** The kinds of file the caller's role may import. */
    public List<ImportTemplate> templates() {
        Role role = caller.require().role();
        return Arrays.stream(ImportTemplate.values())
                .filter(t -> t.allows(role))
                .toList();
    }

    /**
     * Refuses (403) a kind of file the caller's role may not import; for case files and registrations
     * through the one check of every write of case records, so the refusal is that of the API's writes.
     */
    void requireAllowed(ImportTemplate template) {
        if (template.allows(Role.CASEWORKER)) {
            scopes.forWriting();
        } else if (!template.allows(caller.require().role())) {
            throw ProblemException.forbidden(MessageCode.FORBIDDEN_ROLE, "Your role may not import this kind of file.");
        }
    }

    /** The caller's organisation and the kinds of file whose jobs they reach; 403 for a role that imports nothing. */
    private ImportJobs.Owner owner() {
        List<ImportTemplate> templates = templates();
        if (templates.isEmpty()) {
            throw ProblemException.forbidden(MessageCode.FORBIDDEN_ROLE, "Your role may not import.");
        }
        return new ImportJobs.Owner(caller.require().organisationId(), EnumSet.copyOf(templates));
    }

    private void admit() {
        if (jobs.running() >= config.maxRunningJobs()) {
            throw new ProblemException(
                    503,
                    "Busy",
                    MessageCode.IMPORT_BUSY,
                    Map.of("max", config.maxRunningJobs()),
                    config.maxRunningJobs() + " imports are running already; try again shortly.");
        }
    }

    static ImportViews.ProblemView view(RowProblem p, String language) {
        return new ImportViews.ProblemView(
                p.row(),
                p.column() == null ? null : Templates.header(p.column(), language),
                p.column() == null ? null : p.column().name(),
                p.code(),
                p.rule(),
                p.params(),
                ImportTexts.render(p.code(), p.params(), p.message(), language),
                p.message());
    }

    ImportViews.JobView view(ImportJob j) {
        ImportJob.Counts c = j.counts();
        Double rate = null;
        Long left = null;
        if (j.startedAt() != null && c.rows() > 0) {
            Instant end = j.finishedAt() != null ? j.finishedAt() : clock.instant();
            double seconds =
                    Math.max(0.001, Duration.between(j.startedAt(), end).toMillis() / 1000.0);
            rate = Math.round(c.rows() / seconds * 10) / 10.0;
            left = j.running() ? Math.round((j.totalRows() - c.rows()) / (c.rows() / seconds)) : 0L;
        }
        int percent = j.totalRows() == 0 ? 0 : (int) Math.min(100, Math.floor(100.0 * c.rows() / j.totalRows()));
        if (j.status() == ImportJob.Status.PREVIEWED || j.status() == ImportJob.Status.COMMITTED) {
            percent = 100;
        }
        ImportViews.Failure failure = j.failureCode() == null
                ? null
                : new ImportViews.Failure(
                        j.failureCode(),
                        ImportTexts.render(j.failureCode(), Map.of(), j.failureDetail(), language),
                        j.failureDetail());
        return new ImportViews.JobView(
                j.id(),
                j.template().key(),
                j.fileName(),
                j.fileType(),
                j.fileSize(),
                j.fileSha256(),
                j.totalRows(),
                j.status(),
                j.phase(),
                j.mode(),
                new ImportViews.Progress(c.rows(), j.totalRows(), percent, rate, left),
                new ImportViews.Summary(c.created(), c.updated(), c.unchanged(), c.refused(), c.refusedUnits()),
                failure,
                j.running() || j.phase() == null ? 0 : jobs.problemCount(j.id()),
                j.createdAt(),
                j.startedAt(),
                j.finishedAt());
    }

    Caller who() {
        return caller.require();
    }
}
