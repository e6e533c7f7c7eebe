package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The import's settings (MicroProfile Config); every one has a default that suits a single server. */
@ApplicationScoped
public class ImportConfig {

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-file-bytes", defaultValue = "536870912")
    long maxFileBytes;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-rows", defaultValue = "2000000")
    int maxRows;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-expanded-bytes", defaultValue = "2147483648")
    long maxExpandedBytes;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-zip-entries", defaultValue = "200")
    int maxZipEntries;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-all-or-nothing-rows", defaultValue = "100000")
    int maxAtomicRows;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-running-jobs", defaultValue = "2")
    int maxRunningJobs;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.max-problems", defaultValue = "100000")
    int maxProblems;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.rebuild-from-rows", defaultValue = "20000")
    int rebuildFromRows;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.keep-uploads", defaultValue = "PT24H")
    java.time.Duration keepUploads;

    @Inject
    @ConfigProperty(name = "ketenzicht.import.directory")
    java.util.Optional<String> directory;

    /** Configured limits replaced for a while (the integration tests' small files); null: as configured. */
    private volatile ImportLimits replaced;

    /** The rebuild threshold replaced for a while for one organisation's jobs (a test's small files); null: none. */
    private volatile long[] rebuildFromRowsReplaced;

    void replace(ImportLimits limits) {
        this.replaced = limits;
    }

    void replaceRebuildFromRows(long organisationId, int rows) {
        this.rebuildFromRowsReplaced = new long[] {organisationId, rows};
    }

    void restoreRebuildFromRows() {
        this.rebuildFromRowsReplaced = null;
    }

    public ImportLimits limits() {
        if (replaced != null) {
            return replaced;
        }
        return new ImportLimits(maxFileBytes, maxRows, maxExpandedBytes, maxZipEntries, maxAtomicRows);
    }

    int maxRunningJobs() {
        return maxRunningJobs;
    }

    /**
     * A commit of at least this many rows rebuilds the report aggregates from the base tables once at
     * the end instead of refreshing them case by case.
     */
    int rebuildFromRows(long organisationId) {
        long[] r = rebuildFromRowsReplaced;
        return r != null && r[0] == organisationId ? (int) r[1] : rebuildFromRows;
    }

    /**
     * How long an uploaded file is kept after its job's last activity when the job is not committed
     * cleanly (abandoned, cancelled, failed, or committed with refused rows to download).
     */
    java.time.Duration keepUploads() {
        return keepUploads;
    }

    int maxProblems() {
        return maxProblems;
    }

    /** Where uploaded files wait for their preview and commit; by default under the system's temporary directory. */
    Path directory() {
        return directory
                .filter(d -> !d.isBlank())
                .map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "ketenzicht-imports"));
    }
}
