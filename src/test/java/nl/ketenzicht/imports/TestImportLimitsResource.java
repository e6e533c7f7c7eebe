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

    @POST
    @PermitAll
    public void lower(
            @QueryParam("maxFileBytes") long maxFileBytes,
            @QueryParam("maxRows") int maxRows,
            @QueryParam("maxExpandedBytes") long maxExpandedBytes) {
        ImportLimits d = config.limits();
        config.replace(new ImportLimits(
                maxFileBytes > 0 ? maxFileBytes : d.maxFileBytes(),
                maxRows > 0 ? maxRows : d.maxRows(),
                maxExpandedBytes > 0 ? maxExpandedBytes : d.maxExpandedBytes(),
                d.maxZipEntries(),
                d.maxAtomicRows()));
    }

    @DELETE
    @PermitAll
    public void restore() {
        config.replace(null);
    }
}
