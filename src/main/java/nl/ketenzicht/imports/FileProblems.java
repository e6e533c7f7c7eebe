package nl.ketenzicht.imports;

import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;

/** A file that cannot be imported at all: one problem for the whole file, and nothing is stored. */
final class FileProblems {

    private FileProblems() {}

    static ProblemException unusable(MessageCode code, Map<String, ?> params, String detail) {
        return new ProblemException(400, "Unusable file", code, params, detail);
    }

    static ProblemException unusable(MessageCode code, String detail) {
        return unusable(code, Map.of(), detail);
    }

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(
                413,
                "File too large",
                MessageCode.IMPORT_FILE_TOO_LARGE,
                Map.of("max", maxBytes),
                "The file is larger than " + maxBytes + " bytes.");
    }
}
