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
            @QueryParam("keepUploadsSeconds") int keepUploadsSeconds) {
        if (keepUploadsSeconds > 0) {
            config.replaceKeepUploads(java.time.Duration.ofSeconds(keepUploadsSeconds));
        }
        if (rebuildFromRows > 0) {
            config.replaceRebuildFromRows(rebuildFromRows);
        }
        ImportLimits d = config.limits();
        config.replace(new ImportLimits(
                maxFileBytes > 0 ? maxFileBytes : d.maxFileBytes(),
                maxRows > 0 ? maxRows : d.maxRows(),
                maxExpandedBytes > 0 ? maxExpandedBytes : d.maxExpandedBytes(),
                d.maxZipEntries(),
                d.maxAtomicRows()));
    }

    /** Deletes the uploads kept too long now instead of at the next quarter of an hour; returns how many. */
    @POST
    @Path("purge")
    @PermitAll
    public int purge() {
        return uploads.purge();
    }

    @DELETE
    @PermitAll
    public void restore() {
        config.replace(null);
        config.replaceRebuildFromRows(null);
        config.replaceKeepUploads(null);
    }
}
