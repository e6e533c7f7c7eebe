package nl.ketenzicht.imports;

import static nl.ketenzicht.imports.ImportColumn.*;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.cases.Origin;
import nl.ketenzicht.cases.TeamType;
import nl.ketenzicht.parties.AangifteEvent;
import nl.ketenzicht.parties.Gender;
import nl.ketenzicht.parties.PsychologistAdvice;
import nl.ketenzicht.proceedings.Decision;
import nl.ketenzicht.proceedings.Stage;
import nl.ketenzicht.proceedings.Verdict;
import nl.ketenzicht.reference.ReferenceData;
import nl.ketenzicht.reference.ReferenceViews;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The templates of the three kinds of file: every column with its header (Dutch, or the English
 * alias) and example rows — for a case file a case with a victim, a suspect, a client, an aangifte
 * event, two chain steps, a runaway episode and a care referral; for context a capacity and a
 * priority; for registrations one registration — synthetic and valid against the API (importing a
 * template as it is makes its records), and as further sheets of the XLSX the code lists the values
 * come from and the columns' documentation.
 */
@ApplicationScoped
class Templates {

    @Inject
    ReferenceData reference;

    static List<Map<ImportColumn, String>> example(ImportTemplate template) {
        return switch (template) {
            case CASES -> caseExample();
            case CONTEXT ->
                List.of(
                        row(
                                RecordKind.CAPACITY,
                                Map.of(
                                        POLICE_UNIT,
                                        "AMS",
                                        YEAR,
                                        "2024",
                                        FTE_AVIM,
                                        "24,5",
                                        FTE_ZEDEN,
                                        "18",
                                        FTE_DIGITAL,
                                        "6,8",
                                        FTE_PSYCHOLOGISTS,
                                        "1,2")),
                        row(RecordKind.PRIORITY, Map.of(MUNICIPALITY, "GM0363", YEAR, "2024", PRIORITY_SET, "ja")));
            case REGISTRATIONS ->
                List.of(row(
                        RecordKind.REGISTRATION,
                        Map.of(
                                REFERENCE,
                                "REG-1",
                                REGISTERED_ON,
                                "2024-03-01",
                                MUNICIPALITY,
                                "GM0363",
                                FIRST_NAME,
                                "Anna",
                                FAMILY_NAME,
                                "Jansen",
                                BIRTH_DATE,
                                "2006-05-17",
                                GENDER,
                                "FEMALE")));
        };
    }

    private static List<Map<ImportColumn, String>> caseExample() {
        List<Map<ImportColumn, String>> rows = new ArrayList<>();
        rows.add(row(
                RecordKind.CASE,
                "VOORBEELD-1",
                "VOORBEELD-1",
                Map.of(
                        MUNICIPALITY,
                        "GM0363",
                        OPENED_ON,
                        "2024-03-01",
                        ORIGIN,
                        "AMBTSHALVE",
                        EXPLOITATION_FORMS,
                        "SEXUAL",
                        INVESTIGATION_METHODS,
                        "DIGITAL",
                        TEAM_TYPE,
                        "AVIM",
                        SUSPECT_COUNT,
                        "1",
                        NETWORK,
                        "nee")));
        rows.add(row(
                RecordKind.VICTIM,
                "VOORBEELD-1",
                "S1",
                Map.of(
                        GENDER,
                        "FEMALE",
                        BIRTH_YEAR,
                        "2008",
                        BIRTH_MONTH,
                        "4",
                        NATIONALITY,
                        "NL",
                        VULNERABILITIES,
                        "LVB",
                        RECRUITMENT_CHANNEL,
                        "SNAPCHAT",
                        EXPLOITATION_STARTED_ON,
                        "2023-11-01",
                        ESTIMATED_CLIENTS,
                        "20",
                        CONSENT,
                        "ja")));
        rows.add(row(
                RecordKind.SUSPECT,
                "VOORBEELD-1",
                "V1",
                Map.of(GENDER, "MALE", BIRTH_YEAR, "1999", ROLE, "MAIN", LINKED_VICTIMS, "S1")));
        rows.add(row(
                RecordKind.CLIENT,
                "VOORBEELD-1",
                "K1",
                Map.of(
                        GENDER,
                        "MALE",
                        BIRTH_YEAR,
                        "1985",
                        CONTACT_COUNT,
                        "2",
                        AGE_VERIFICATION,
                        "ja",
                        LINKED_VICTIMS,
                        "S1")));
        rows.add(row(
                RecordKind.AANGIFTE,
                "VOORBEELD-1",
                "A1",
                Map.of(
                        PARTY_REF,
                        "S1",
                        DATE,
                        "2024-03-04",
                        AANGIFTE_TYPE,
                        "DECLINED",
                        REASONS,
                        "FEAR_SUSPECT",
                        TRAUMA_STUDIO,
                        "nee",
                        PSYCHOLOGIST,
                        "NONE")));
        rows.add(row(
                RecordKind.CHAIN_EVENT,
                "VOORBEELD-1",
                "K-V1-1",
                Map.of(
                        PARTY_REF,
                        "V1",
                        DATE,
                        "2024-03-05",
                        STAGE,
                        "IN_VIEW",
                        ARTICLE,
                        "273f",
                        LAW_VERSION,
                        "SR",
                        OFFENCE_DATE,
                        "2024-01-10")));
        rows.add(row(
                RecordKind.CHAIN_EVENT,
                "VOORBEELD-1",
                "K-V1-2",
                Map.of(PARTY_REF, "V1", DATE, "2024-04-02", STAGE, "OM_INFLOW")));
        rows.add(row(
                RecordKind.RUNAWAY,
                "VOORBEELD-1",
                "W1",
                Map.of(
                        PARTY_REF,
                        "S1",
                        INSTITUTION_TYPE,
                        "OPEN_YOUTH_CARE",
                        MISSING_SINCE,
                        "2023-10-02",
                        REPORTED_ON,
                        "2023-10-03",
                        FOUND_ON,
                        "2023-10-20",
                        VICTIMISED_DURING,
                        "ja")));
        rows.add(row(
                RecordKind.REFERRAL,
                "VOORBEELD-1",
                "Z1",
                Map.of(
                        PARTY_REF,
                        "S1",
                        CARE_TYPE,
                        "SHELTER",
                        REFERRED_ON,
                        "2024-03-05",
                        CARE_STARTED_ON,
                        "2024-03-19")));
        return rows;
    }

    private static Map<ImportColumn, String> row(
            RecordKind kind, String caseRef, String ref, Map<ImportColumn, String> values) {
        Map<ImportColumn, String> row = row(kind, values);
        row.put(CASE_REF, caseRef);
        row.put(REFERENCE, ref);
        return row;
    }

    private static Map<ImportColumn, String> row(RecordKind kind, Map<ImportColumn, String> values) {
        Map<ImportColumn, String> row = new EnumMap<>(ImportColumn.class);
        row.put(KIND, kind.dutch());
        row.putAll(values);
        return row;
    }

    static String header(ImportColumn c, String language) {
        return "en".equals(language) ? c.english() : c.dutch();
    }

    /** Semicolon-separated UTF-8 with a byte-order mark: what Excel in a Dutch locale opens as columns. */
    void csv(ImportTemplate template, String language, OutputStream out) throws IOException {
        csv(template, language, example(template), out);
    }

    /** Rows in a template's columns, as {@link #csv(ImportTemplate, String, OutputStream)} writes them. */
    static void csv(ImportTemplate template, String language, List<Map<ImportColumn, String>> rows, OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        try (CSVPrinter p = new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(';')
                        .setRecordSeparator("\r\n")
                        .build())) {
            List<ImportColumn> columns = ImportColumn.of(template);
            p.printRecord(columns.stream().map(c -> header(c, language)).toList());
            for (Map<ImportColumn, String> row : rows) {
                p.printRecord(columns.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        }
    }

    void xlsx(ImportTemplate template, String language, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "Ketenzicht", "1.0");
        boolean en = "en".equals(language);
        Worksheet data = wb.newWorksheet(template.fileName(language));
        List<ImportColumn> columns = ImportColumn.of(template);
        for (int c = 0; c < columns.size(); c++) {
            data.value(0, c, header(columns.get(c), language));
            data.style(0, c).bold().set();
        }
        List<Map<ImportColumn, String>> rows = example(template);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns.size(); c++) {
                String v = rows.get(r).get(columns.get(c));
                if (v != null) {
                    data.value(r + 1, c, v);
                }
            }
        }
        Worksheet lists = wb.newWorksheet(en ? "code lists" : "codelijsten");
        int r = 0;
        for (String h : List.of(en ? "list" : "lijst", "code", en ? "label" : "omschrijving")) {
            lists.value(0, r++, h);
        }
        int line = 1;
        for (List<String> entry : codeLists(template, en)) {
            for (int c = 0; c < entry.size(); c++) {
                lists.value(line, c, entry.get(c));
            }
            line++;
        }
        Worksheet doc = wb.newWorksheet(en ? "columns" : "kolommen");
        List<String> docHeader = en
                ? List.of("column", "Dutch header", "rows", "meaning")
                : List.of("kolom", "Engelse naam", "regels", "betekenis");
        for (int c = 0; c < docHeader.size(); c++) {
            doc.value(0, c, docHeader.get(c));
        }
        line = 1;
        for (ImportColumn c : ImportColumn.of(template)) {
            doc.value(line, 0, header(c, language));
            doc.value(line, 1, en ? c.dutch() : c.english());
            doc.value(
                    line,
                    2,
                    String.join(
                            ", ",
                            c.kinds().stream()
                                    .filter(template.kinds()::contains)
                                    .map(k -> en ? k.name() : k.dutch())
                                    .toList()));
            doc.value(line, 3, c.description(language));
            line++;
        }
        wb.finish();
    }

    /** The code lists a kind of file's values come from, as (list, code, label). */
    List<List<String>> codeLists(ImportTemplate template, boolean en) {
        List<List<String>> out = new ArrayList<>();
        for (RecordKind k : template.kinds()) {
            out.add(List.of("SOORT", k.dutch(), k.name()));
        }
        ReferenceData.Snapshot snapshot = reference.lists();
        switch (template) {
            case CASES -> caseCodeLists(snapshot, en, out);
            case CONTEXT -> {
                for (ReferenceViews.PoliceUnit u : snapshot.policeUnits()) {
                    out.add(List.of("POLICE_UNIT", u.code(), u.name()));
                }
                municipalities(snapshot, out);
            }
            case REGISTRATIONS -> {
                enumList(Gender.class, "GENDER", out);
                municipalities(snapshot, out);
            }
        }
        return out;
    }

    /** The fixed value sets of the API and the code lists of the reference data that a case file uses. */
    private static void caseCodeLists(ReferenceData.Snapshot snapshot, boolean en, List<List<String>> out) {
        for (Class<? extends Enum<?>> e : List.<Class<? extends Enum<?>>>of(
                Origin.class,
                TeamType.class,
                Gender.class,
                AangifteEvent.Type.class,
                PsychologistAdvice.class,
                Stage.class,
                Decision.class,
                Verdict.class)) {
            enumList(
                    e,
                    e.getSimpleName().equals("Type")
                            ? "AANGIFTE_TYPE"
                            : e.getSimpleName().toUpperCase(java.util.Locale.ROOT),
                    out);
        }
        for (ReferenceViews.Code c : snapshot.codes()) {
            if (c.validTo() == null) {
                out.add(List.of(c.list(), c.code(), en ? c.labelEn() : c.labelNl()));
            }
        }
        municipalities(snapshot, out);
        for (ReferenceViews.Article a : snapshot.articles()) {
            out.add(List.of("ARTICLE", a.article() + " " + a.lawVersion(), en ? a.titleEn() : a.titleNl()));
        }
    }

    private static void enumList(Class<? extends Enum<?>> e, String list, List<List<String>> out) {
        for (Enum<?> v : e.getEnumConstants()) {
            out.add(List.of(list, v.name(), v.name()));
        }
    }

    private static void municipalities(ReferenceData.Snapshot snapshot, List<List<String>> out) {
        for (ReferenceViews.Municipality m : snapshot.municipalities().values()) {
            out.add(List.of("MUNICIPALITY", m.code(), m.name()));
        }
    }
}
