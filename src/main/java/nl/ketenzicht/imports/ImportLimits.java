package nl.ketenzicht.imports;

/**
 * The bounds an uploaded file must keep (MicroProfile Config, see {@link ImportConfig}): its size,
 * its rows, and for a spreadsheet (a zip archive) its entries and its uncompressed size, so that a
 * small file cannot expand into gigabytes (a zip bomb).
 */
public record ImportLimits(
        long maxFileBytes, int maxRows, long maxExpandedBytes, int maxZipEntries, int maxAtomicRows) {

    /** The defaults of {@link ImportConfig}, for unit tests and tools. */
    public static final ImportLimits DEFAULTS = new ImportLimits(512L << 20, 2_000_000, 2L << 30, 200, 100_000);
}
