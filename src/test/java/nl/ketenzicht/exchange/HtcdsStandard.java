package nl.ketenzicht.exchange;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The field list of the HTCDS 2.0 standard, read from the standard's own spreadsheet (OpenDocument) kept in
 * src/test/resources/htcds with its licence: per prefixed field name its type and, for a picklist, its
 * value names. {@link #problems} checks a record against it.
 */
final class HtcdsStandard {

    static final String TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
    static final String TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
    static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());

    record Field(String name, String status, String type, List<String> values) {

        boolean multi() {
            return type.startsWith("Multiselect");
        }

        boolean iso3166() {
            return values.size() == 1 && values.get(0).contains("ISO 3166");
        }
    }

    final Map<String, Field> fields = new LinkedHashMap<>();

    static HtcdsStandard load() throws Exception {
        HtcdsStandard s = new HtcdsStandard();
        try (InputStream in = HtcdsStandard.class.getResourceAsStream("/htcds/HTCDS Field Standards 2.0.ods");
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals("content.xml")) {
                    s.read(zip.readAllBytes());
                }
            }
        }
        return s;
    }

    private void read(byte[] content) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(content));
        NodeList rows = doc.getElementsByTagNameNS(TABLE, "table-row");
        List<String> header = null;
        for (int i = 0; i < rows.getLength(); i++) {
            List<String> cells = cells((Element) rows.item(i));
            if (header == null) {
                if (cells.contains("Field Name including Prefix")) {
                    header = cells;
                }
                continue;
            }
            int name = header.indexOf("Field Name including Prefix");
            if (cells.size() <= name || !cells.get(name).matches("[a-z]{3}_\\w+")) {
                continue;
            }
            int values = header.indexOf("Value Names (if picklist)");
            String v = cells.size() > values ? cells.get(values) : "";
            fields.put(
                    cells.get(name),
                    new Field(
                            cells.get(name),
                            cells.get(header.indexOf("Status")),
                            cells.get(header.indexOf("Field Type")),
                            Arrays.stream(v.split("\n"))
                                    .map(String::strip)
                                    .filter(x -> !x.isEmpty())
                                    .toList()));
        }
    }

    private static List<String> cells(Element row) {
        List<String> out = new ArrayList<>();
        for (Node n = row.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (!(n instanceof Element cell) || !TABLE.equals(cell.getNamespaceURI())) {
                continue;
            }
            String repeat = cell.getAttributeNS(TABLE, "number-columns-repeated");
            int times = repeat.isEmpty() ? 1 : Math.min(Integer.parseInt(repeat), 50);
            NodeList ps = cell.getElementsByTagNameNS(TEXT, "p");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < ps.getLength(); i++) {
                lines.add(ps.item(i).getTextContent());
            }
            for (int t = 0; t < times; t++) {
                out.add(String.join("\n", lines));
            }
        }
        return out;
    }

    /**
     * What is wrong with a record (field → value or list of values); empty when it validates. A field must
     * be one of the standard (not retired) or a declared Ketenzicht extension (kz_); a picklist value must be
     * one of the field's value names (ISO 3166 codes where the standard says so); dates ISO, numbers whole,
     * checkboxes true or false.
     */
    List<String> problems(Map<String, ?> record) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, ?> e : record.entrySet()) {
            String name = e.getKey();
            if (name.startsWith("kz_")) {
                continue;
            }
            Field f = fields.get(name);
            if (f == null || f.status().startsWith("DEPRECATED") || f.status().startsWith("RETIRED")) {
                out.add(name + " is not a field of HTCDS 2.0");
                continue;
            }
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            List<?> values = v instanceof List<?> l ? l : List.of(v);
            if (values.size() > 1 && !f.multi()) {
                out.add(name + " is single-select but has " + values);
            }
            for (Object item : values) {
                String s = item.toString();
                if (s.isEmpty()) {
                    continue;
                }
                if (f.type().contains("Picklist")) {
                    boolean ok =
                            f.iso3166() ? ISO_COUNTRIES.contains(s) : f.values().contains(s);
                    if (!ok) {
                        out.add(name + ": '" + s + "' is not one of " + f.values());
                    }
                } else if (f.type().equals("Date")) {
                    try {
                        LocalDate.parse(s);
                    } catch (RuntimeException ex) {
                        out.add(name + ": '" + s + "' is not a date");
                    }
                } else if (f.type().equals("Number") && !s.matches("\\d+")) {
                    out.add(name + ": '" + s + "' is not a number");
                } else if (f.type().equals("Checkbox") && !s.equals("true") && !s.equals("false")) {
                    out.add(name + ": '" + s + "' is not a checkbox value");
                }
            }
        }
        return out;
    }

    /** A record of the JSON export as field → value (a list for a multi-select). */
    static Map<String, Object> record(com.fasterxml.jackson.databind.JsonNode r) {
        Map<String, Object> record = new LinkedHashMap<>();
        r.fields().forEachRemaining(e -> {
            List<String> items = new ArrayList<>();
            e.getValue().forEach(n -> items.add(n.asText()));
            record.put(e.getKey(), e.getValue().isArray() ? items : e.getValue().asText());
        });
        return record;
    }

    /** A row of the CSV export as field → value (a multi-select split at ';'). */
    static Map<String, Object> record(org.apache.commons.csv.CSVRecord row) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (String f : Htcds.FIELDS) {
            String v = row.get(f);
            record.put(f, Htcds.MULTI.contains(f) ? (v.isEmpty() ? List.of() : List.of(v.split(";"))) : v);
        }
        return record;
    }
}
