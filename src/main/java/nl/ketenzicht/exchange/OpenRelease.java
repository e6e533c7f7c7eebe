package nl.ketenzicht.exchange;

import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.KAnonymity.Hierarchy;

/**
 * The open release: one row per victim with her case's coarse facts, no free text, no ids, no dates
 * (the opening year at most), k-anonymous with k = 11 (CTDC's rule) over the documented
 * quasi-identifiers below, by global generalisation and withholding the records of classes still below
 * k. One pass over the victims counts their distinct rows (every column a small code, a row one long);
 * the plan and the file come from those counts, so memory holds one count per distinct row, at most the
 * product of the columns' code lists, never the records. The file lists the rows in the text order of
 * their values, column by column (equal rows together): same data and settings give the same file, and
 * the order says nothing about when a case was opened.
 */
public final class OpenRelease {

    /** CTDC's published threshold. */
    public static final int K = 11;
    /** At most this share of the records is withheld; above it, the plan generalises further. */
    public static final double MAX_WITHHELD = 0.05;

    static final String ANY = "*";

    /** The quasi-identifiers, each with its code bits and generalisation hierarchy (README "Open release"). */
    public static final List<Hierarchy> QUASI_IDENTIFIERS = List.of(
            new Hierarchy("sex", 2, List.of(v -> ANY)),
            new Hierarchy("ageGroup", 4, List.of(OpenRelease::ageLevel1, v -> ageLevel2(ageLevel1(v)), v -> ANY)),
            new Hierarchy("citizenship", 6, List.of(v -> v.equals("NL") ? "NL" : "NOT_NL", v -> ANY)),
            new Hierarchy("policeUnit", 6, List.of(v -> ANY)),
            new Hierarchy("year", 7, List.of(v -> period(v, 2), v -> period(v, 4), v -> ANY)),
            new Hierarchy(
                    "exploitation", 3, List.of(v -> v.equals("SEXUAL") ? "SEXUAL" : "NOT_ONLY_SEXUAL", v -> ANY)));

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

    /** The code bits of the attributes, in the order of {@link #COLUMNS}. */
    static final int[] ATTRIBUTE_BITS = {6, 6, 2, 1, 1};

    private OpenRelease() {}

    /** A victim as the release reads her: her case's facts and her own, nothing else. */
    public record Victim(
            LocalDate openedOn,
            String policeUnit,
            String origin,
            boolean caseClosed,
            String form,
            String gender,
            Integer birthYear,
            Integer birthMonth,
            String nationality,
            LocalDate exploitationStartedOn,
            String aangifteStatus,
            String recruitmentChannel,
            boolean referred) {

        static Victim of(ExchangeCase k, Person v) {
            return new Victim(
                    k.openedOn(),
                    k.policeUnit(),
                    k.origin(),
                    "CLOSED".equals(k.status()),
                    OpenRelease.form(k.forms()),
                    v.gender(),
                    v.birthYear(),
                    v.birthMonth(),
                    v.nationality(),
                    v.exploitationStartedOn(),
                    v.aangifteStatus(),
                    v.recruitmentChannel(),
                    !v.referrals().isEmpty());
        }
    }

    /** The victims of a period, in any order: the base tables ({@link ReleaseVictims}) or, in tests, cases. */
    public interface Victims {
        void forEach(Sink sink) throws SQLException, IOException;

        interface Sink {
            void accept(Victim v);
        }
    }

    /** The victims of the cases, case by case. */
    static Victims of(CaseSource cases) {
        return sink -> cases.forEach(k -> {
            for (Person p : k.persons()) {
                if (p.victim()) {
                    sink.accept(Victim.of(k, p));
                }
            }
        });
    }

    /** The level-0 quasi-identifiers of a victim. */
    public static List<String> categories(Victim v) {
        LocalDate on = v.exploitationStartedOn() != null ? v.exploitationStartedOn() : v.openedOn();
        return List.of(
                switch (v.gender()) {
                    case "FEMALE" -> "F";
                    case "MALE" -> "M";
                    default -> "X_OR_UNKNOWN";
                },
                ageBand(ExchangeCase.age(v.birthYear(), v.birthMonth(), on)),
                v.nationality() == null ? "UNKNOWN" : v.nationality(),
                v.policeUnit(),
                Integer.toString(v.openedOn().getYear()),
                v.form());
    }

    /** The attributes after the quasi-identifiers, coarse. */
    static List<String> attributes(Victim v) {
        return List.of(
                v.origin(),
                v.aangifteStatus() == null ? "UNKNOWN" : v.aangifteStatus(),
                recruitment(v.recruitmentChannel()),
                v.referred() ? "YES" : "NO",
                v.caseClosed() ? "YES" : "NO");
    }

    /** One pass: every victim's row counted by its codes. */
    static ReleaseCounts count(Victims victims) throws SQLException, IOException {
        ReleaseCounts c = new ReleaseCounts();
        victims.forEach(c::add);
        return c;
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
}
