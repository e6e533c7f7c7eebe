package nl.ketenzicht.imports;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Requests and views of import jobs. */
public final class ImportViews {

    private ImportViews() {}

    /** How a commit keeps what passed: the whole file or nothing, or each case with its parties and steps whole. */
    public record CommitRequest(@NotNull ImportJob.Mode mode) {
        /** An example for the API document. */
        public static final CommitRequest EXAMPLE = new CommitRequest(ImportJob.Mode.PER_CASE);
    }

    /**
     * A job: the file, its state, progress of the current or last run ({@code rowsPerSecond} and
     * {@code secondsLeft} while it runs) and what became of the rows: for a preview what a commit would
     * do, for a commit what it did. {@code failure} says why a run stopped.
     */
    public record JobView(
            long id,
            String template,
            String fileName,
            FileType fileType,
            long fileSize,
            String fileSha256,
            int totalRows,
            ImportJob.Status status,
            ImportJob.Phase phase,
            ImportJob.Mode mode,
            Progress progress,
            Summary summary,
            Failure failure,
            long problemCount,
            Instant createdAt,
            Instant startedAt,
            Instant finishedAt) {}

    public record Progress(int rowsDone, int totalRows, int percent, Double rowsPerSecond, Long secondsLeft) {}

    /** Rows to create (or created), update, left unchanged, refused; and the cases refused. */
    public record Summary(int create, int update, int unchanged, int refused, int refusedCases) {}

    public record Failure(String code, String message, String detail) {}

    /**
     * A problem of a row: the column as the template names it in the user's language ({@code columnKey}
     * its stable name), the message code and parameters, the rule of the domain when one refused it,
     * the text in the user's language and the English one.
     */
    public record ProblemView(
            int row,
            String column,
            String columnKey,
            String code,
            String rule,
            Map<String, Object> params,
            String text,
            String message) {}

    public record Problems(List<ProblemView> items, long total, int offset, int limit) {}

    /** A kind of file the caller may import: cases, context or registrations. */
    public record TemplateView(String template) {}

    /** A template column: its headers, the kinds of row it applies to and what it means. */
    public record ColumnView(
            String key, String header, String alias, List<String> kinds, String description, boolean required) {}
}
