package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the published MSE test tables in the repository: {@code src/test/resources/mse} (README there: source and licence). */
public final class MseData {

    static final String[] NAMES = {
        "Artificial_3", "Kosovo", "Ned", "Ned_5", "NewOrl", "NewOrl_5", "UKdat", "UKdat_4", "UKdat_5", "Western"
    };

    private MseData() {}

    static Path directory() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path dir = base.resolve("src/test/resources/mse").normalize();
        if (!Files.isDirectory(dir)) {
            fail("MSE test data not found at " + dir);
        }
        return dir;
    }

    /** A table's file, for tests outside this package (integration and browser tests). */
    public static Path file(String name) {
        return directory().resolve(name + ".csv");
    }

    static CaptureTable load(String name) {
        try {
            return CaptureTable.parseCsv(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CaptureTable parse(String csv) {
        try {
            return CaptureTable.parseCsv(new StringReader(csv));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
