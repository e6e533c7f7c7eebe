package nl.ketenzicht.imports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import nl.ketenzicht.shared.problem.MessageCode;
import nl.ketenzicht.shared.problem.ProblemException;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading partners' files: delimiters, encodings, quoted line breaks, XLSX cells, and the files refused whole. */
class ImportFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] bytes) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, bytes);
        return p;
    }

    private static List<SourceRow> rows(Path file) {
        List<SourceRow> rows = new ArrayList<>();
        try (SheetRows s = FileType.sniff(file).open(file, ImportLimits.DEFAULTS)) {
            rows.add(new SourceRow(1, s.header()));
            s.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void csvWithCommaSemicolonOrTabReadsTheSame() throws IOException {
        for (String d : List.of(",", ";", "\t")) {
            Path f = write(
                    "d.csv",
                    String.join(d, "soort", "zaak_referentie", "referentie")
                            .concat("\nZAAK" + d + "Z-1" + d + "Z-1\n")
                            .getBytes(StandardCharsets.UTF_8));
            List<SourceRow> rows = rows(f);
            assertEquals(
                    List.of("soort", "zaak_referentie", "referentie"),
                    rows.get(0).cells(),
                    "delimiter " + d);
            assertEquals(List.of("ZAAK", "Z-1", "Z-1"), rows.get(1).cells());
            assertEquals(2, rows.get(1).number());
        }
    }

    @Test
    void utf8WithBomUtf8AndWindows1252AllGiveTheSameText() throws IOException {
        String text = "soort;zaak_referentie;referentie\nZAAK;Zaak “Café” één;Z\n";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + utf8.length];
        System.arraycopy(bom, 0, withBom, 0, 3);
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);
        for (byte[] bytes : List.of(utf8, withBom, text.getBytes(Charset.forName("windows-1252")))) {
            List<SourceRow> rows = rows(write("e.csv", bytes));
            assertEquals("soort", rows.get(0).cells().get(0));
            assertEquals("Zaak “Café” één", rows.get(1).cells().get(1));
        }
    }

    @Test
    void aQuotedFieldMaySpanLinesAndRowNumbersFollowRecords() throws IOException {
        Path f = write(
                "q.csv",
                "soort,zaak_referentie,referentie\nZAAK,\"Z-1\nmet regel\",Z-1\n\nZAAK,Z-2,Z-2\n"
                        .getBytes(StandardCharsets.UTF_8));
        List<SourceRow> rows = rows(f);
        assertEquals("Z-1\nmet regel", rows.get(1).cells().get(1));
        assertEquals(3, rows.get(2).number());
        assertEquals("Z-2", rows.get(2).cells().get(1));
    }

    @Test
    void anUnclosedQuoteIsAnUnreadableFile() throws IOException {
        Path f = write("u.csv", "soort,zaak_referentie,referentie\nZAAK,\"Z-1,Z-1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(MessageCode.IMPORT_FILE_UNREADABLE, refusal(f).code());
    }

    @Test
    void xlsxCellsAreReadAsTextNumbersAndIsoDates() throws IOException {
        Path f = dir.resolve("w.xlsx");
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "t", "1.0");
            Worksheet ws = wb.newWorksheet("zaken");
            ws.value(0, 0, "soort");
            ws.value(0, 1, "aantal_verdachten");
            ws.value(0, 2, "geopend_op");
            ws.value(1, 0, "ZAAK");
            ws.value(1, 1, 3);
            ws.value(1, 2, java.time.LocalDate.of(2024, 3, 1));
            ws.style(1, 2).format("yyyy-mm-dd").set();
            wb.finish();
        }
        List<SourceRow> rows = rows(f);
        assertEquals(
                List.of("soort", "aantal_verdachten", "geopend_op"), rows.get(0).cells());
        assertEquals(List.of("ZAAK", "3", "2024-03-01"), rows.get(1).cells());
        assertEquals(2, rows.get(1).number());
    }

    @Test
    void aFormulaCellRefusesTheWorkbook() throws IOException {
        Path f = dir.resolve("f.xlsx");
        try (OutputStream out = Files.newOutputStream(f)) {
            Workbook wb = new Workbook(out, "t", "1.0");
            Worksheet ws = wb.newWorksheet("zaken");
            ws.value(0, 0, "soort");
            ws.value(0, 1, "zaak_referentie");
            ws.value(0, 2, "referentie");
            ws.value(1, 0, "ZAAK");
            ws.formula(1, 1, "HYPERLINK(\"http://x.invalid\",\"Z\")");
            wb.finish();
        }
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> FileScan.rows(f, FileType.XLSX, ImportLimits.DEFAULTS, ImportTemplate.CASES));
        assertEquals(MessageCode.IMPORT_FORMULA, e.code());
        assertEquals("B2", e.params().get("cell"));
    }

    @Test
    void aWorkbookThatExpandsBeyondTheLimitIsRefusedBeforeItIsOpened() throws IOException {
        Path f = dir.resolve("bomb.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        ImportLimits small = new ImportLimits(1 << 30, 1000, 10L << 20, 200, 1000);
        assertEquals(
                MessageCode.IMPORT_XLSX_EXPANDS,
                assertThrows(ProblemException.class, () -> XlsxRows.checkExpansion(f, small))
                        .code());
        assertEquals(FileType.XLSX, FileType.sniff(f));
    }

    @Test
    void tooManyZipEntriesAreRefused() throws IOException {
        Path f = dir.resolve("many.xlsx");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(f))) {
            for (int i = 0; i < 300; i++) {
                zip.putNextEntry(new ZipEntry("e" + i));
                zip.closeEntry();
            }
        }
        assertEquals(
                MessageCode.IMPORT_XLSX_TOO_MANY_ENTRIES,
                assertThrows(ProblemException.class, () -> XlsxRows.checkExpansion(f, ImportLimits.DEFAULTS))
                        .code());
    }

    @Test
    void headersAreCheckedWhole() {
        assertEquals(
                MessageCode.IMPORT_COLUMN_UNKNOWN,
                assertThrows(
                                ProblemException.class,
                                () -> FileHeader.of(
                                        List.of("soort", "zaak_referentie", "referentie", "onzin"),
                                        ImportTemplate.CASES))
                        .code());
        assertEquals(
                MessageCode.IMPORT_COLUMN_DUPLICATE,
                assertThrows(
                                ProblemException.class,
                                () -> FileHeader.of(
                                        List.of("soort", "kind", "zaak_referentie", "referentie"),
                                        ImportTemplate.CASES))
                        .code());
        assertEquals(
                MessageCode.IMPORT_COLUMN_MISSING,
                assertThrows(
                                ProblemException.class,
                                () -> FileHeader.of(List.of("soort", "referentie"), ImportTemplate.CASES))
                        .code());
        FileHeader h =
                FileHeader.of(List.of("Kind", "Case Reference", "REFERENTIE", "gemeente", ""), ImportTemplate.CASES);
        assertEquals(ImportColumn.CASE_REF, h.at(1));
        assertEquals(4, h.width());
    }

    @Test
    void binaryEmptyAndOldExcelFilesAreRefusedByTheirBytes() throws IOException {
        assertEquals(
                MessageCode.IMPORT_FILE_EMPTY,
                assertThrows(ProblemException.class, () -> FileType.sniff(write("e", new byte[0])))
                        .code());
        assertEquals(
                MessageCode.IMPORT_FILE_EMPTY,
                assertThrows(
                                ProblemException.class,
                                () -> FileType.sniff(
                                        write("b", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\n'})))
                        .code());
        assertEquals(
                MessageCode.IMPORT_FILE_TYPE,
                assertThrows(
                                ProblemException.class,
                                () -> FileType.sniff(
                                        write("x.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0})))
                        .code());
        assertEquals(
                MessageCode.IMPORT_FILE_TYPE,
                assertThrows(
                                ProblemException.class,
                                () -> FileType.sniff(
                                        write("p.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13})))
                        .code());
    }

    @Test
    void rowsAreReadIntoTypedValuesWithTheApiCodesForMalformedOnes() {
        FileHeader h = FileHeader.of(
                List.of(
                        "soort",
                        "zaak_referentie",
                        "referentie",
                        "gemeente",
                        "geopend_op",
                        "herkomst",
                        "uitbuitingsvormen",
                        "teamtype",
                        "aantal_verdachten",
                        "netwerk"),
                ImportTemplate.CASES);
        ImportRow row = ImportRow.of(
                new SourceRow(
                        2,
                        List.of(
                                "zaak",
                                "Z-1",
                                "Z-1",
                                "gm0363",
                                "1-3-2024",
                                "ambtshalve",
                                "LABOUR|sexual",
                                "AVIM",
                                "drie",
                                "misschien")),
                h);
        RowRequests.Parsed p = RowRequests.parse(row);
        var r = (nl.ketenzicht.cases.CaseRequests.CaseRequest) p.request();
        assertEquals("GM0363", r.municipalityCode());
        assertEquals(java.time.LocalDate.of(2024, 3, 1), r.openedOn());
        assertEquals(java.util.Set.of("LABOUR", "SEXUAL"), r.exploitationForms());
        assertEquals(
                List.of("EXPECTED_NUMBER@SUSPECT_COUNT", "EXPECTED_BOOLEAN@NETWORK"),
                p.problems().stream()
                        .map(x -> MessageCode.valueOf(codeName(x.code())) + "@" + x.column())
                        .toList());
        RowRequests.Parsed same = RowRequests.parse(ImportRow.of(
                new SourceRow(
                        9,
                        List.of(
                                "ZAAK",
                                "Z-1",
                                "Z-1",
                                "GM0363",
                                "2024-03-01",
                                "AMBTSHALVE",
                                "sexual|labour",
                                "avim",
                                "drie",
                                "misschien")),
                h));
        assertEquals(p.hash(), same.hash(), "the same values in other forms are the same row");
    }

    @Test
    void aDayThatDoesNotExistIsNoDateInAnyForm() {
        FileHeader h =
                FileHeader.of(List.of("soort", "zaak_referentie", "referentie", "geopend_op"), ImportTemplate.CASES);
        for (String day : List.of("31-02-2006", "31/02/2006", "2006-02-31")) {
            RowRequests.Parsed p = RowRequests.parse(ImportRow.of(new SourceRow(2, List.of("ZAAK", "Z", "Z", day)), h));
            assertEquals(
                    List.of("EXPECTED_DATE@OPENED_ON"),
                    p.problems().stream()
                            .map(x -> MessageCode.valueOf(codeName(x.code())) + "@" + x.column())
                            .toList(),
                    day);
        }
    }

    @Test
    void contextAndRegistrationRowsAreReadIntoTheApiRequests() {
        FileHeader context = FileHeader.of(
                List.of("kind", "police_unit", "year", "fte_avim", "fte_vice", "fte_digital", "fte_psychologists"),
                ImportTemplate.CONTEXT);
        var capacity = (RowRequests.CapacityRow) RowRequests.parse(ImportRow.of(
                        new SourceRow(2, List.of("capacity", "ams", "2024", "24,5", "18", "6.80", "1,2")), context))
                .request();
        assertEquals("AMS", capacity.unit());
        assertEquals(2024, capacity.year());
        assertEquals(new java.math.BigDecimal("24.5"), capacity.request().avim());
        assertEquals(
                0, new java.math.BigDecimal("6.8").compareTo(capacity.request().digital()));
        assertThrows(
                ProblemException.class,
                () -> FileHeader.of(List.of("soort", "zaak_referentie", "referentie"), ImportTemplate.CONTEXT),
                "a case file's columns are not context columns");

        FileHeader registrations = FileHeader.of(
                List.of(
                        "soort",
                        "referentie",
                        "geregistreerd_op",
                        "gemeente",
                        "voornaam",
                        "achternaam",
                        "geboortedatum",
                        "geslacht"),
                ImportTemplate.REGISTRATIONS);
        RowRequests.Parsed p = RowRequests.parse(ImportRow.of(
                new SourceRow(
                        2,
                        List.of("REGISTRATIE", "R-1", "1-3-2024", "gm0363", "Anna", "Jansen", "17-5-2006", "female")),
                registrations));
        assertEquals(List.of(), p.problems());
        var r = (nl.ketenzicht.linkage.RegistrationRequests.RegistrationRequest) p.request();
        assertEquals("GM0363", r.municipalityCode());
        assertEquals(java.time.LocalDate.of(2006, 5, 17), r.birthDate());
        assertEquals(null, p.hash(), "no plain hash of a name and birth date is made");
        ImportRow noReference = ImportRow.of(
                new SourceRow(
                        3, List.of("REGISTRATIE", "", "1-3-2024", "GM0363", "Anna", "Jansen", "17-5-2006", "FEMALE")),
                registrations);
        assertEquals(false, noReference.usable(), "a registration needs its reference");
    }

    @Test
    void anApiFieldLandsOnItsColumn() {
        assertEquals(
                ImportColumn.OFFENCE_DATE,
                ImportColumn.ofField(RecordKind.CHAIN_EVENT, "charges[0].offenceDate")
                        .orElseThrow());
        assertEquals(
                ImportColumn.MUNICIPALITY,
                ImportColumn.ofField(RecordKind.CASE, "municipalityCode").orElseThrow());
        assertEquals(
                ImportColumn.DATE,
                ImportColumn.ofField(RecordKind.AANGIFTE, "on").orElseThrow());
        assertEquals(
                ImportColumn.LINKED_VICTIMS,
                ImportColumn.ofField(RecordKind.SUSPECT, "linkedVictimIds").orElseThrow());
        assertEquals(
                ImportColumn.MEASURE,
                ImportColumn.ofField(RecordKind.CHAIN_EVENT, "sentence.measure").orElseThrow());
    }

    @Test
    void aRowOfAnUnknownKindOrWithoutReferencesOrTooWideIsRefusedBeforeAnyService() {
        FileHeader h =
                FileHeader.of(List.of("soort", "zaak_referentie", "referentie", "gemeente"), ImportTemplate.CASES);
        ImportRow row = ImportRow.of(new SourceRow(3, List.of("DOSSIER", "", "R", "GM0363", "extra")), h);
        assertEquals(
                List.of("IMPORT_ROW_TOO_WIDE", "IMPORT_KIND_UNKNOWN", "REQUIRED"),
                row.problems().stream().map(x -> codeName(x.code())).toList());
        ImportRow victim = ImportRow.of(new SourceRow(4, List.of("SLACHTOFFER", "Z", "S", "GM0363")), h);
        assertEquals(
                List.of("IMPORT_COLUMN_NOT_FOR_KIND"),
                victim.problems().stream().map(x -> codeName(x.code())).toList());
    }

    private static String codeName(String code) {
        for (MessageCode c : MessageCode.values()) {
            if (c.code().equals(code)) {
                return c.name();
            }
        }
        return code;
    }

    private static ProblemException refusal(Path f) {
        return assertThrows(
                ProblemException.class,
                () -> FileScan.rows(f, FileType.sniff(f), ImportLimits.DEFAULTS, ImportTemplate.CASES));
    }
}
