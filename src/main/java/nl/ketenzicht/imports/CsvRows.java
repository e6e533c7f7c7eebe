package nl.ketenzicht.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.shared.problem.MessageCode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as partners' systems write it, read by commons-csv: comma, semicolon or tab (whichever
 * the header line uses most), UTF-8 with or without byte-order mark, otherwise Windows-1252 (what
 * Excel on Dutch Windows saves), quoted fields that span lines.
 */
final class CsvRows implements SheetRows {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private int number = 1;

    private CsvRows(CSVParser parser) {
        this.parser = parser;
        this.records = parser.iterator();
        if (!records.hasNext()) {
            close();
            throw FileProblems.unusable(
                    MessageCode.IMPORT_FILE_EMPTY,
                    "The file is empty: expected a header row such as soort;zaak_referentie;referentie.");
        }
        this.header = values(next(records));
    }

    static CsvRows open(Path file) {
        try {
            boolean bom = startsWithBom(file);
            Charset charset = bom || isUtf8(file) ? StandardCharsets.UTF_8 : WINDOWS_1252;
            char delimiter = delimiter(file, charset, bom);
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            if (bom) {
                in.skipNBytes(BOM.length);
            }
            Reader reader = new InputStreamReader(in, charset);
            CSVFormat format = CSVFormat.DEFAULT
                    .builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(true)
                    .build();
            return new CsvRows(format.parse(reader));
        } catch (IOException e) {
            throw FileProblems.unusable(MessageCode.IMPORT_FILE_UNREADABLE, "The file could not be read as CSV.");
        }
    }

    @Override
    public List<String> header() {
        return header;
    }

    @Override
    public boolean hasNext() {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw unreadable();
        }
    }

    @Override
    public SourceRow next() {
        return new SourceRow(++number, values(next(records)));
    }

    private CSVRecord next(Iterator<CSVRecord> it) {
        try {
            return it.next();
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable();
        }
    }

    private RuntimeException unreadable() {
        return FileProblems.unusable(
                MessageCode.IMPORT_FILE_UNREADABLE,
                Map.of("row", number + 1),
                "The CSV file cannot be read from row " + (number + 1) + " on (a quote that is never closed?).");
    }

    private static List<String> values(CSVRecord r) {
        List<String> v = new ArrayList<>(r.size());
        r.forEach(v::add);
        return v;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException ignored) {
            // Reading is over either way.
        }
    }

    private static boolean startsWithBom(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(3);
            return java.util.Arrays.equals(head, BOM);
        }
    }

    /** Decodes the whole file strictly: any byte sequence that is not UTF-8 means Windows-1252. */
    static boolean isUtf8(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream s = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 15];
            int n;
            while ((n = s.read(chunk)) > 0) {
                in.put(chunk, 0, n).flip();
                if (decoder.decode(in, out, false).isError()) {
                    return false;
                }
                in.compact();
                out.clear();
            }
            in.flip();
            return !decoder.decode(in, out, true).isError()
                    && !decoder.flush(out).isError();
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The delimiter the header line uses most (outside quotes); a comma when it uses none. */
    static char delimiter(Path file, Charset charset, boolean bom) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 16);
            String text = new String(head, charset);
            int semicolons = 0;
            int commas = 0;
            int tabs = 0;
            boolean quoted = false;
            for (int i = bom ? 1 : 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && (c == '\n' || c == '\r')) {
                    break;
                } else if (!quoted) {
                    semicolons += c == ';' ? 1 : 0;
                    commas += c == ',' ? 1 : 0;
                    tabs += c == '\t' ? 1 : 0;
                }
            }
            if (tabs > commas && tabs > semicolons) {
                return '\t';
            }
            return semicolons > commas ? ';' : ',';
        }
    }
}
