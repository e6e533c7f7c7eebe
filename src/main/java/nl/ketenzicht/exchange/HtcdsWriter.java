package nl.ketenzicht.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.reports.ReportRows;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Streams HTCDS records as JSON (an object with the standard's name, the filter and the records; a
 * multi-select is a list) or CSV (the template's flat row, the field names as header, a multi-select
 * joined by ';'). The export's ids count cases and persons in the order read (case id, then person id):
 * the same data and filter give the same file, and the ids mean nothing outside it.
 */
abstract class HtcdsWriter implements CaseSource.Sink, AutoCloseable {

    private long cases;
    private long persons;

    @Override
    public void accept(ExchangeCase k) throws IOException {
        String caseId = "C" + (++cases);
        for (Person p : k.persons()) {
            write(Htcds.record(k, p, caseId, "P" + (++persons)));
        }
    }

    abstract void write(Map<String, Object> record) throws IOException;

    @Override
    public abstract void close() throws IOException;

    static HtcdsWriter json(OutputStream out, int fromYear, int toYear) throws IOException {
        JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        g.writeStartObject();
        g.writeStringField("standard", "HTCDS 2.0");
        g.writeStringField("source", "https://github.com/UNMigration/HTCDS");
        g.writeObjectFieldStart("filter");
        g.writeNumberField("fromYear", fromYear);
        g.writeNumberField("toYear", toYear);
        g.writeEndObject();
        g.writeArrayFieldStart("records");
        return new HtcdsWriter() {
            @Override
            void write(Map<String, Object> record) throws IOException {
                g.writeStartObject();
                for (Map.Entry<String, Object> e : record.entrySet()) {
                    Object v = e.getValue();
                    if (v == null) {
                        continue;
                    }
                    g.writeFieldName(e.getKey());
                    if (v instanceof List<?> list) {
                        g.writeStartArray();
                        for (Object item : list) {
                            g.writeString(item.toString());
                        }
                        g.writeEndArray();
                    } else if (v instanceof Integer n) {
                        g.writeNumber(n);
                    } else if (v instanceof Boolean b) {
                        g.writeBoolean(b);
                    } else {
                        g.writeString(v.toString());
                    }
                }
                g.writeEndObject();
            }

            @Override
            public void close() throws IOException {
                g.writeEndArray();
                g.writeEndObject();
                g.close();
            }
        };
    }

    static HtcdsWriter csv(OutputStream out) throws IOException {
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
        csv.printRecord(Htcds.FIELDS);
        return new HtcdsWriter() {
            @Override
            void write(Map<String, Object> record) throws IOException {
                for (Object v : record.values()) {
                    csv.print(v == null ? "" : ReportRows.neutralise(v instanceof List<?> l ? join(l) : v.toString()));
                }
                csv.println();
            }

            @Override
            public void close() throws IOException {
                csv.close(true);
            }
        };
    }

    private static String join(List<?> values) {
        return String.join(";", values.stream().map(Object::toString).toList());
    }
}
