package nl.ketenzicht.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import nl.ketenzicht.shared.problem.MessageCode;

/**
 * Keeps uploaded files on disk while their job lives: streamed in with a byte limit (never held in
 * memory), digested, typed by their first bytes and scanned whole. A refused file is deleted at once.
 */
@ApplicationScoped
class ImportStore {

    @Inject
    ImportConfig config;

    UploadedFile store(InputStream body, String name, ImportTemplate template) {
        ImportLimits limits = config.limits();
        Path file;
        try {
            Files.createDirectories(config.directory());
            file = Files.createTempFile(config.directory(), "import-", ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[1 << 16];
                if (body != null) {
                    for (int n = body.read(buffer); n > 0; n = body.read(buffer)) {
                        size += n;
                        if (size > limits.maxFileBytes()) {
                            throw FileProblems.tooLarge(limits.maxFileBytes());
                        }
                        out.write(buffer, 0, n);
                    }
                }
            }
            if (size == 0) {
                throw FileProblems.unusable(MessageCode.IMPORT_FILE_EMPTY, "The file is empty.");
            }
            FileType type = FileType.sniff(file);
            int rows = FileScan.rows(file, type, limits, template);
            return new UploadedFile(
                    cleanName(name, type), type, file, size, HexFormat.of().formatHex(digest.digest()), rows);
        } catch (IOException e) {
            delete(file);
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The upload could not be received whole.");
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            delete(file);
            throw new IllegalStateException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A leftover temporary file is harmless.
        }
    }

    /** The name as shown back to the user: no path, no control characters, not too long. */
    private static String cleanName(String name, FileType type) {
        String n = name == null
                ? ""
                : name.replaceAll(".*[/\\\\]", "").replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            n = "upload." + type.name().toLowerCase(java.util.Locale.ROOT);
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }
}
