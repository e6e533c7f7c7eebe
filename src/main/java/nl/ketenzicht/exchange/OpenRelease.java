package nl.ketenzicht.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.KAnonymity.Hierarchy;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The open release: one row per victim with her case's coarse facts, no free text, no ids, no dates
 * (the opening year at most), k-anonymous with k = 11 (CTDC's rule) over the documented
 * quasi-identifiers below, by global generalisation and withholding the records of classes still below
 * k. It is planned from counts (a first pass over the cases) and written in a second pass, so memory
 * holds the counts of the combinations, not the records. Same data and settings give the same file.
 */
public final class OpenRelease {

    /** CTDC's published threshold. */
    public static final int K = 11;
    /** At most this share of the records is withheld; above it, the plan generalises further. */
    public static final double MAX_WITHHELD = 0.05;

    static final String ANY = "*";

    /** The quasi-identifiers, each with its generalisation hierarchy (README "Open release"). */
    public static final List<Hierarchy> QUASI_IDENTIFIERS = List.of(
            new Hierarchy("sex", List.of(v -> ANY)),
            new Hierarchy("ageGroup", List.of(OpenRelease::ageLevel1, v -> ageLevel2(ageLevel1(v)), v -> ANY)),
            new Hierarchy("citizenship", List.of(v -> v.equals("NL") ? "NL" : "NOT_NL", v -> ANY)),
            new Hierarchy("policeUnit", List.of(v -> ANY)),
            new Hierarchy("year", List.of(v -> period(v, 2), v -> period(v, 4), v -> ANY)),
            new Hierarchy("exploitation", List.of(v -> v.equals("SEXUAL") ? "SEXUAL" : "NOT_ONLY_SEXUAL", v -> ANY)));

    /** The released columns: the quasi-identifiers, then attributes that no one outside the case file knows. */
    public static final List<String> COLUMNS = List.of(
            "sex",
            "ageGroup",
            "citizenship",
            "policeUnit",
            "year",
            "exploitation",
            "caseOrigin",
            "aangifteStatus",
            "recruitment",
            "referredToCare",
            "caseClosed");

    private OpenRelease() {}

    /** The level-0 quasi-identifiers of a victim of the case. */
    public static List<String> categories(ExchangeCase k, Person v) {
        LocalDate on = v.exploitationStartedOn() != null ? v.exploitationStartedOn() : k.openedOn();
        return List.of(
                switch (v.gender()) {
                    case "FEMALE" -> "F";
                    case "MALE" -> "M";
                    default -> "X_OR_UNKNOWN";
                },
                ageBand(v.ageOn(on)),
                v.nationality() == null ? "UNKNOWN" : v.nationality(),
                k.policeUnit(),
                Integer.toString(k.openedOn().getYear()),
                form(k.forms()));
    }

    /** The attributes after the quasi-identifiers, coarse. */
    static List<String> attributes(ExchangeCase k, Person v) {
        return List.of(
                k.origin(),
                v.aangifteStatus() == null ? "UNKNOWN" : v.aangifteStatus(),
                recruitment(v.recruitmentChannel()),
                v.referrals().isEmpty() ? "NO" : "YES",
                "CLOSED".equals(k.status()) ? "YES" : "NO");
    }

    static String ageBand(Integer age) {
        if (age == null) {
            return "UNKNOWN";
        }
        if (age < 12) {
            return "0-11";
        }
        if (age < 18) {
            return age < 14 ? "12-13" : age < 16 ? "14-15" : "16-17";
        }
        return age < 21 ? "18-20" : age < 25 ? "21-24" : age < 30 ? "25-29" : age < 40 ? "30-39" : "40+";
    }

    static String ageLevel1(String band) {
        return switch (band) {
            case "12-13", "14-15" -> "12-15";
            case "18-20", "21-24" -> "18-24";
            case "25-29", "30-39", "40+" -> "25+";
            default -> band;
        };
    }

    static String ageLevel2(String level1) {
        return switch (level1) {
            case "0-11", "12-15", "16-17" -> "0-17";
            case "UNKNOWN" -> "UNKNOWN";
            default -> "18+";
        };
    }

    /** A year to the period of {@code years} years that holds it, periods starting at multiples of {@code years}. */
    static String period(String year, int years) {
        int y = Integer.parseInt(year);
        int start = y - Math.floorMod(y, years);
        return start + "-" + (start + years - 1);
    }

    static String form(List<String> forms) {
        if (forms.size() > 1) {
            return "MULTIPLE";
        }
        if (forms.isEmpty()) {
            return "OTHER";
        }
        String f = forms.get(0);
        return f.equals("ORGAN_REMOVAL") ? "OTHER" : f;
    }

    static String recruitment(String channel) {
        if (channel == null) {
            return "UNKNOWN";
        }
        return switch (channel) {
            case "PEER", "FAMILY", "INSTITUTION" -> "OFFLINE";
            case "OTHER" -> "OTHER";
            default -> "ONLINE";
        };
    }

    /** The first pass: the counts of every combination of level-0 quasi-identifiers. */
    static KAnonymity counted(CaseSource records) throws java.sql.SQLException, IOException {
        KAnonymity anon = new KAnonymity(K, MAX_WITHHELD, QUASI_IDENTIFIERS);
        records.forEach(k -> {
            for (Person p : k.persons()) {
                if (p.victim()) {
                    anon.add(categories(k, p));
                }
            }
        });
        return anon;
    }

    /** The second pass: the released rows as CSV. */
    static void write(CaseSource records, KAnonymity anon, KAnonymity.Plan plan, OutputStream out)
            throws java.sql.SQLException, IOException {
        CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
        csv.printRecord(COLUMNS);
        records.forEach(k -> {
            for (Person p : k.persons()) {
                if (!p.victim()) {
                    continue;
                }
                List<String> released = anon.release(plan, categories(k, p));
                if (released != null) {
                    List<String> row = new ArrayList<>(released);
                    row.addAll(attributes(k, p));
                    csv.printRecord(row);
                }
            }
        });
        csv.close(true);
    }
}
