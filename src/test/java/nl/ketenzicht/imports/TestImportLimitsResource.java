package nl.ketenzicht.imports;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

/** Lowers the import's limits for a test's small files, and restores them. Test deployment only. */
@Path("test/import-limits")
public class TestImportLimitsResource {

    @Inject
    ImportConfig config;

    @Inject
    ImportUploads uploads;

    @POST
    @PermitAll
    public void lower(
            @QueryParam("maxFileBytes") long maxFileBytes,
            @QueryParam("maxRows") int maxRows,
            @QueryParam("maxExpandedBytes") long maxExpandedBytes,
            @QueryParam("rebuildFromRows") int rebuildFromRows,
            @QueryParam("organisation") long organisation) {
        if (rebuildFromRows > 0) {
            // One organisation's jobs only: the other tests' imports run beside it.
            config.replaceRebuildFromRows(organisation, rebuildFromRows);
        }
        ImportLimits d = config.limits();
        config.replace(new ImportLimits(
                maxFileBytes > 0 ? maxFileBytes : d.maxFileBytes(),
                maxRows > 0 ? maxRows : d.maxRows(),
                maxExpandedBytes > 0 ? maxExpandedBytes : d.maxExpandedBytes(),
                d.maxZipEntries(),
                d.maxAtomicRows()));
    }

    /**
     * The retention rule applied now to one job with a term of keepSeconds (the configured term and the
     * other jobs untouched: tests run beside each other); true when its file went.
     */
    @POST
    @Path("purge")
    @PermitAll
    public boolean purge(@QueryParam("job") long job, @QueryParam("keepSeconds") int keepSeconds) {
        return uploads.purge(job, java.time.Duration.ofSeconds(keepSeconds));
    }

    @DELETE
    @PermitAll
    public void restore() {
        config.replace(null);
        config.restoreRebuildFromRows();
    }
}
