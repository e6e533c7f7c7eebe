package nl.ketenzicht.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import nl.ketenzicht.shared.problem.MessageCode;

/** What an uploaded file is, told by its first bytes rather than its name or the declared type. */
public enum FileType {
    CSV,
    XLSX;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static FileType sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The file could not be read.");
        }
        if (head.length == 0
                || new String(head, CsvRows.WINDOWS_1252)
                        .replace("\uFEFF", "")
                        .replace("ï»¿", "")
                        .isBlank()) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_EMPTY, "The file is empty.");
        }
        if (startsWith(head, ZIP)) {
            return XLSX;
        }
        if (startsWith(head, OLE2)) {
            throw FileProblems.unusable(
                    MessageCode.IMPORT_FILE_TYPE,
                    java.util.Map.of("type", "xls"),
                    "An old Excel file (.xls) cannot be read; save it as .xlsx or CSV.");
        }
        if (isUtf16(head) || binary(head)) {
            throw FileProblems.unusable(
                    MessageCode.IMPORT_FILE_TYPE,
                    java.util.Map.of("type", "binary"),
                    "This is neither a CSV file nor an XLSX workbook.");
        }
        return CSV;
    }

    SheetRows open(Path file, ImportLimits limits) {
        return this == XLSX ? XlsxRows.open(file, limits) : CsvRows.open(file);
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (head[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isUtf16(byte[] head) {
        return head.length >= 2
                && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
                        || head[0] == (byte) 0xFE && head[1] == (byte) 0xFF);
    }

    /** Text has no NUL bytes and few control characters besides tab and line ends. */
    private static boolean binary(byte[] head) {
        int control = 0;
        for (byte b : head) {
            if (b == 0) {
                return true;
            }
            if ((b & 0xFF) < 32 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control > head.length / 20;
    }
}
