package nl.ketenzicht.linkage.mse;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test tables: {@code ../shared/data/mse} next to the repository root. */
final class MseData {

    static final String[] NAMES = {"Artificial_3", "Kosovo", "Ned", "Ned_5", "NewOrl", "NewOrl_5", "UKdat",
            "UKdat_4", "UKdat_5", "Western"};

    private MseData() {
    }

    static Path directory() {
        Path base = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        Path dir = base.resolve("..").resolve("shared").resolve("data").resolve("mse").normalize();
        if (!Files.isDirectory(dir)) {
            fail("MSE test data not found at " + dir + ": the shared/ folder must be a sibling of the repository"
                    + " root (CI checks it out as ../shared)");
        }
        return dir;
    }

    static Path file(String name) {
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
