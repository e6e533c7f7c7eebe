package nl.ketenzicht.imports;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import nl.ketenzicht.shared.DatabaseMigrator;

/**
 * The uploaded files' lifetime: a job committed without refused rows has its file deleted at once;
 * any other job's file (abandoned after the upload or the preview, cancelled, failed, or committed
 * with refused rows to download) once the job has been idle for {@code ketenzicht.import.keep-uploads};
 * a file no job holds (an upload that broke off) after the same time. Checked at every start and
 * every quarter of an hour, each node in its own upload directory.
 */
@ApplicationScoped
class ImportUploads {

    private static final Logger LOG = Logger.getLogger(ImportUploads.class.getName());
    private static final long EVERY_MINUTES = 15;

    @Inject
    ImportJobs jobs;

    @Inject
    ImportConfig config;

    @Inject
    Clock clock;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> task;

    void start(@Observes DatabaseMigrator.SchemaReady ready) {
        task = scheduler.scheduleWithFixedDelay(this::purgeQuietly, 1, EVERY_MINUTES * 60, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }

    /** After a run: the file goes when the job has been committed cleanly. */
    void ended(long jobId) {
        delete(jobs.releaseFile(jobId, null));
    }

    /** The retention rule for one job with its own term (a test's); true when its file went. */
    boolean purge(long jobId, java.time.Duration keep) {
        return delete(jobs.releaseFile(jobId, clock.instant().minus(keep)));
    }

    /** Deletes the files kept too long; returns how many went. */
    synchronized int purge() {
        Instant idleBefore = clock.instant().minus(config.keepUploads());
        int deleted = 0;
        for (long id : jobs.idleWithFile(idleBefore)) {
            deleted += delete(jobs.releaseFile(id, idleBefore)) ? 1 : 0;
        }
        Path dir = config.directory();
        if (!Files.isDirectory(dir)) {
            return deleted;
        }
        Set<String> kept = jobs.filesKept();
        List<Path> orphans;
        try (Stream<Path> files = Files.list(dir)) {
            orphans = files.filter(f -> f.getFileName().toString().startsWith("import-"))
                    .filter(f -> !kept.contains(f.toString()))
                    .filter(f -> modifiedBefore(f, idleBefore))
                    .toList();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The import directory could not be listed", e);
            return deleted;
        }
        for (Path f : orphans) {
            deleted += delete(f.toString()) ? 1 : 0;
        }
        return deleted;
    }

    private void purgeQuietly() {
        try {
            int n = purge();
            if (n > 0) {
                LOG.info(() -> n + " uploaded import file(s) deleted after their retention");
            }
        } catch (RuntimeException e) {
            // Tried again at the next turn; a file kept a little longer harms nobody.
            LOG.log(Level.WARNING, "Uploaded import files not purged", e);
        }
    }

    private static boolean modifiedBefore(Path f, Instant t) {
        try {
            return Files.getLastModifiedTime(f).toInstant().isBefore(t);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean delete(String path) {
        if (path == null) {
            return false;
        }
        ImportStore.delete(Path.of(path));
        return true;
    }
}
