package nl.ketenzicht.imports;

import java.nio.file.Path;

/** A file stored for an import and found sound as a whole: its type, digest and number of data rows. */
record UploadedFile(String name, FileType type, Path path, long size, String sha256, int rows) {}
