package nl.ketenzicht.imports;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import nl.ketenzicht.identity.Caller;
import nl.ketenzicht.identity.Role;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/**
 * An import of one uploaded file. Lifecycle: UPLOADED → PREVIEWING → PREVIEWED → COMMITTING →
 * COMMITTED; a run may end CANCELLED (nothing half-applied within a unit) or FAILED (the file or
 * the database gave out). A preview may be run again, a commit only once. Kept in the database so
 * that a page reload, another client or the partner's system sees the same state and progress.
 */
@Entity
@Table(name = "import_job")
public class ImportJob {

    public enum Status {
        UPLOADED,
        PREVIEWING,
        PREVIEWED,
        COMMITTING,
        COMMITTED,
        CANCELLED,
        FAILED
    }

    public enum Phase {
        PREVIEW,
        COMMIT
    }

    /** ALL_OR_NOTHING: one transaction for the file; PER_CASE: each case with its parties and steps is one. */
    public enum Mode {
        ALL_OR_NOTHING,
        PER_CASE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "organisation_id")
    private long organisationId;

    @Enumerated(EnumType.STRING)
    private ImportTemplate template = ImportTemplate.CASES;

    private String actor;

    @Column(name = "user_id")
    private Long userId;

    @Column(name = "token_id")
    private Long tokenId;

    private String username;
    private String role;

    @Column(name = "police_unit")
    private String policeUnit;

    @Column(name = "remote_address")
    private String remoteAddress;

    @Column(name = "file_name")
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_type")
    private FileType fileType;

    @Column(name = "file_path")
    private String filePath;

    @Column(name = "file_size")
    private long fileSize;

    @Column(name = "file_sha256")
    private String fileSha256;

    @Column(name = "total_rows")
    private int totalRows;

    @Enumerated(EnumType.STRING)
    private Status status = Status.UPLOADED;

    @Enumerated(EnumType.STRING)
    private Phase phase;

    @Enumerated(EnumType.STRING)
    @Column(name = "commit_mode")
    private Mode mode;

    @Column(name = "rows_done")
    private int rowsDone;

    @Column(name = "created_count")
    private int created;

    @Column(name = "updated_count")
    private int updated;

    @Column(name = "unchanged_count")
    private int unchanged;

    @Column(name = "refused_count")
    private int refused;

    @Column(name = "refused_units")
    private int refusedUnits;

    @Column(name = "cancel_requested")
    private boolean cancelRequested;

    @Column(name = "failure_code")
    private String failureCode;

    @Column(name = "failure_detail")
    private String failureDetail;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected ImportJob() {}

    ImportJob(Caller caller, String address, ImportTemplate template, UploadedFile file, Instant now) {
        this.organisationId = caller.organisationId();
        this.template = template;
        this.actor = caller.actor();
        this.userId = caller.userId();
        this.tokenId = caller.tokenId();
        this.username = caller.username();
        this.role = caller.role().name();
        this.policeUnit = caller.policeUnit();
        this.remoteAddress = address;
        this.fileName = file.name();
        this.fileType = file.type();
        this.filePath = file.path().toString();
        this.fileSize = file.size();
        this.fileSha256 = file.sha256();
        this.totalRows = file.rows();
        this.createdAt = now;
    }

    /** The caller the background run acts for: the one who uploaded, with their role and organisation. */
    Caller caller() {
        return new Caller(userId, username, Role.valueOf(role), organisationId, policeUnit, null, tokenId, true, null);
    }

    void startPreview(Instant now) {
        if (running() || status == Status.COMMITTED || status == Status.COMMITTING) {
            throw state("A preview runs before the commit, and not while the job is running.");
        }
        requireFile();
        start(Phase.PREVIEW, Status.PREVIEWING, now);
    }

    void startCommit(Mode chosen, Instant now) {
        if (running() || status == Status.COMMITTED) {
            throw state("This job is running or has been committed already.");
        }
        requireFile();
        this.mode = chosen;
        start(Phase.COMMIT, Status.COMMITTING, now);
    }

    private void start(Phase p, Status s, Instant now) {
        this.phase = p;
        this.status = s;
        this.rowsDone = 0;
        this.created = 0;
        this.updated = 0;
        this.unchanged = 0;
        this.refused = 0;
        this.refusedUnits = 0;
        this.cancelRequested = false;
        this.failureCode = null;
        this.failureDetail = null;
        this.startedAt = now;
        this.finishedAt = null;
    }

    void progress(Counts c) {
        this.rowsDone = c.rows();
        this.created = c.created();
        this.updated = c.updated();
        this.unchanged = c.unchanged();
        this.refused = c.refused();
        this.refusedUnits = c.refusedUnits();
    }

    void finish(Counts c, Instant now) {
        progress(c);
        this.status = phase == Phase.PREVIEW ? Status.PREVIEWED : Status.COMMITTED;
        this.finishedAt = now;
    }

    void cancelled(Counts c, Instant now) {
        progress(c);
        this.status = Status.CANCELLED;
        this.finishedAt = now;
    }

    void failed(MessageCode code, String detail, Instant now) {
        this.status = Status.FAILED;
        this.failureCode = code.code();
        this.failureDetail = detail == null ? null : detail.substring(0, Math.min(detail.length(), 500));
        this.finishedAt = now;
    }

    void requestCancel() {
        if (!running()) {
            throw state("Only a running job can be cancelled.");
        }
        this.cancelRequested = true;
    }

    boolean running() {
        return status == Status.PREVIEWING || status == Status.COMMITTING;
    }

    /** The uploaded file is no longer kept (see {@link ImportUploads}): 410, upload it again. */
    void requireFile() {
        if (filePath == null) {
            throw new ProblemException(
                    410, "Gone", MessageCode.IMPORT_FILE_GONE, "The uploaded file is no longer kept; upload it again.");
        }
    }

    /** The uploaded file has been deleted. */
    void fileDeleted() {
        this.filePath = null;
    }

    private static ProblemException state(String detail) {
        return ProblemException.conflict(MessageCode.IMPORT_JOB_STATE, detail);
    }

    /** Rows handled so far and what became of them. */
    public record Counts(int rows, int created, int updated, int unchanged, int refused, int refusedUnits) {
        static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);
    }

    public Long id() {
        return id;
    }

    public long organisationId() {
        return organisationId;
    }

    public ImportTemplate template() {
        return template;
    }

    public String actor() {
        return actor;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public String fileName() {
        return fileName;
    }

    public FileType fileType() {
        return fileType;
    }

    public String filePath() {
        return filePath;
    }

    public long fileSize() {
        return fileSize;
    }

    public String fileSha256() {
        return fileSha256;
    }

    public int totalRows() {
        return totalRows;
    }

    public Status status() {
        return status;
    }

    public Phase phase() {
        return phase;
    }

    public Mode mode() {
        return mode;
    }

    public int rowsDone() {
        return rowsDone;
    }

    public Counts counts() {
        return new Counts(rowsDone, created, updated, unchanged, refused, refusedUnits);
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    public String failureCode() {
        return failureCode;
    }

    public String failureDetail() {
        return failureDetail;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
