package nl.ketenzicht.imports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The refused rows of a job as a CSV file in the template's columns, each with a reason column that
 * names the column and the problem in the user's language. The partner corrects the values and
 * uploads the file again; the reason column is ignored on import. The uploaded file is read again
 * as a stream, so the refused rows are never all in memory with their values.
 */
final class RefusedRows {

    private RefusedRows() {}

    static void write(
            Path file,
            FileType type,
            ImportTemplate template,
            ImportLimits limits,
            Map<Integer, List<RowProblem>> problems,
            String language,
            OutputStream out)
            throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        List<ImportColumn> columns = ImportColumn.of(template);
        CSVPrinter p = new CSVPrinter(
                w,
                CSVFormat.DEFAULT
                        .builder()
                        .setDelimiter(';')
                        .setRecordSeparator("\r\n")
                        .build());
        List<String> header = new ArrayList<>(
                columns.stream().map(c -> Templates.header(c, language)).toList());
        header.add(Templates.header(ImportColumn.REASON, language));
        p.printRecord(header);
        try (SheetRows sheet = type.open(file, limits)) {
            FileHeader fileHeader = FileHeader.of(sheet.header(), template);
            while (sheet.hasNext()) {
                SourceRow row = sheet.next();
                List<RowProblem> rowProblems = problems.get(row.number());
                if (rowProblems == null) {
                    continue;
                }
                Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                for (int i = 0; i < row.cells().size(); i++) {
                    ImportColumn c = fileHeader.at(i);
                    if (c != null) {
                        values.put(c, row.cells().get(i));
                    }
                }
                List<String> record = new ArrayList<>(
                        columns.stream().map(c -> values.getOrDefault(c, "")).toList());
                record.add(reason(rowProblems, language));
                p.printRecord(record);
            }
        }
        p.flush();
    }

    static String reason(List<RowProblem> problems, String language) {
        return problems.stream()
                .map(pr -> (pr.column() == null ? "" : Templates.header(pr.column(), language) + ": ")
                        + ImportTexts.render(pr.code(), pr.params(), pr.message(), language)
                        + (pr.rule() != null ? " [" + pr.rule() + "]" : ""))
                .collect(Collectors.joining(" | "));
    }
}
