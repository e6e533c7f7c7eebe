package nl.ketenzicht.exchange;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import nl.ketenzicht.exchange.ExchangeCase.Charge;
import nl.ketenzicht.exchange.ExchangeCase.Person;
import nl.ketenzicht.exchange.ExchangeCase.Referral;
import nl.ketenzicht.exchange.ExchangeCase.Step;
import nl.ketenzicht.reports.aggregates.CellKeys;

/**
 * Reads the cases opened in a span of years from the base tables, a chunk of case ids at a time and in
 * id order, so that an export of a million cases holds one chunk in memory and always comes out in the
 * same order (a release is reproducible). Each chunk is a handful of range queries on the cases' keys,
 * or, for the sparse selection of {@link #activeIn}, of queries on the chunk's listed ids.
 */
public final class ExchangeRecords implements CaseSource {

    static final int CHUNK = 2000;

    private final Connection c;
    private final LocalDate from;
    private final LocalDate before;
    /** The year whose chain steps bring older cases in ({@link #activeIn}); 0: every case of the span. */
    private final int activeYear;

    /** The cases opened in the years fromYear..toYear, with their persons' chain steps, charges and care referrals. */
    public ExchangeRecords(Connection c, int fromYear, int toYear) {
        this(c, fromYear, toYear, 0);
    }

    private ExchangeRecords(Connection c, int fromYear, int toYear, int activeYear) {
        this.c = c;
        this.from = LocalDate.of(fromYear, 1, 1);
        this.before = LocalDate.of(toYear + 1, 1, 1);
        this.activeYear = activeYear;
    }

    /**
     * Of the cases opened in fromYear..year, those a year's figures can count: the ones opened in the year
     * and the older ones with a chain step in the year. An older case without one adds nothing to them (its
     * victims count in their case's year of opening, its offenders at steps in the year), and most cases are
     * such: the GLOTIP workbook of one year read every case since 2000 before.
     */
    public static ExchangeRecords activeIn(Connection c, int fromYear, int year) {
        return new ExchangeRecords(c, fromYear, year, year);
    }

    /** Every case in id order. */
    @Override
    public void forEach(Sink sink) throws SQLException, java.io.IOException {
        if (activeYear != 0) {
            long[] ids = activeIds();
            for (int i = 0; i < ids.length; i += CHUNK) {
                for (ExchangeCase k : chunk(Cases.in(Arrays.copyOfRange(ids, i, Math.min(ids.length, i + CHUNK))))) {
                    sink.accept(k);
                }
            }
            return;
        }
        long after = 0;
        while (true) {
            long[] span = nextSpan(after);
            if (span == null) {
                return;
            }
            for (ExchangeCase k : chunk(Cases.between(span[0], span[1]))) {
                sink.accept(k);
            }
            after = span[1];
        }
    }

    /**
     * The ids of {@link #activeIn}'s cases in order: the year's openings and the cases of the year's steps.
     * STRAIGHT_JOIN: one scan of the steps, then a key lookup per step in the year; left to itself the
     * optimiser went through every case's persons to each one's steps instead, 4 times slower.
     */
    private long[] activeIds() throws SQLException {
        LocalDate yearStart = LocalDate.of(activeYear, 1, 1);
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM case_file WHERE opened_on >= ? AND opened_on < ?"
                + " UNION SELECT STRAIGHT_JOIN p.case_id FROM chain_event e JOIN party p ON p.id = e.party_id"
                + " JOIN case_file k ON k.id = p.case_id WHERE e.occurred_on >= ? AND e.occurred_on < ?"
                + " AND k.opened_on >= ? AND k.opened_on < ? ORDER BY 1")) {
            ps.setDate(1, Date.valueOf(yearStart));
            ps.setDate(2, Date.valueOf(before));
            ps.setDate(3, Date.valueOf(yearStart));
            ps.setDate(4, Date.valueOf(before));
            ps.setDate(5, Date.valueOf(from));
            ps.setDate(6, Date.valueOf(before));
            long[] ids = new long[1024];
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (n == ids.length) {
                        ids = Arrays.copyOf(ids, n * 2);
                    }
                    ids[n++] = rs.getLong(1);
                }
            }
            return Arrays.copyOf(ids, n);
        }
    }

    /** The cases of one chunk, as SQL after a case id column: a range of the span's ids, or listed ids. */
    private record Cases(String sql, long[] values) {
        static Cases between(long lo, long hi) {
            return new Cases(" BETWEEN ? AND ?", new long[] {lo, hi});
        }

        static Cases in(long[] ids) {
            return new Cases(" IN (" + "?,".repeat(ids.length - 1) + "?)", ids);
        }

        int bind(PreparedStatement ps, int first) throws SQLException {
            for (long v : values) {
                ps.setLong(first++, v);
            }
            return first;
        }
    }

    /** The lowest and highest id of the next chunk of cases in the span of years after {@code after}. */
    private long[] nextSpan(long after) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(id), MAX(id) FROM (SELECT id FROM case_file WHERE id > ? AND opened_on >= ? AND opened_on < ?"
                        + " ORDER BY id LIMIT " + CHUNK + ") t")) {
            ps.setLong(1, after);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(before));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long lo = rs.getLong(1);
                return rs.wasNull() ? null : new long[] {lo, rs.getLong(2)};
            }
        }
    }

    private List<ExchangeCase> chunk(Cases cases) throws SQLException {
        Map<Long, List<String>> forms = new HashMap<>();
        try (ResultSet rs = query(
                "SELECT case_id, code FROM case_exploitation_form WHERE case_id" + cases.sql()
                        + " ORDER BY case_id, code",
                cases)) {
            while (rs.next()) {
                forms.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<Long, List<Step>> steps = new HashMap<>();
        Map<Long, List<Charge>> charges = new HashMap<>();
        Set<Long> convictedLinks = new HashSet<>();
        try (ResultSet rs = query(
                "SELECT e.party_id, e.stage, e.occurred_on, e.decision, e.verdict FROM chain_event e"
                        + " JOIN party p ON p.id = e.party_id WHERE p.case_id" + cases.sql()
                        + " ORDER BY e.party_id, e.occurred_on, e.id",
                cases)) {
            while (rs.next()) {
                steps.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                        .add(new Step(rs.getString(2), date(rs, 3), rs.getString(4), rs.getString(5)));
            }
        }
        try (ResultSet rs = query(
                "SELECT DISTINCT g.party_id, g.article, g.law_version FROM charge g JOIN party p ON p.id = g.party_id"
                        + " WHERE p.case_id" + cases.sql() + " ORDER BY g.party_id, g.article, g.law_version",
                cases)) {
            while (rs.next()) {
                charges.computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                        .add(new Charge(rs.getString(2), rs.getString(3)));
            }
        }
        try (ResultSet rs = query(
                "SELECT DISTINCT l.victim_id FROM party_link l JOIN party p ON p.id = l.victim_id"
                        + " JOIN chain_event e ON e.party_id = l.offender_id AND e.verdict = 'CONVICTION'"
                        + " WHERE p.case_id" + cases.sql(),
                cases)) {
            while (rs.next()) {
                convictedLinks.add(rs.getLong(1));
            }
        }
        Map<Long, List<Referral>> referrals = new HashMap<>();
        try (ResultSet rs = query(
                "SELECT r.victim_id, r.care_type, r.referred_on, r.started_on, r.ended_on FROM care_referral r"
                        + " JOIN party p ON p.id = r.victim_id WHERE p.case_id" + cases.sql()
                        + " ORDER BY r.victim_id, r.referred_on, r.id",
                cases)) {
            while (rs.next()) {
                referrals
                        .computeIfAbsent(rs.getLong(1), x -> new ArrayList<>())
                        .add(new Referral(rs.getString(2), date(rs, 3), date(rs, 4), date(rs, 5)));
            }
        }
        Map<Long, List<Person>> persons = new HashMap<>();
        try (ResultSet rs = query(
                "SELECT id, case_id, kind, gender, birth_year, birth_month, nationality, recruitment_channel,"
                        + " exploitation_started_on, consent_to_share, aangifte_status, role_code"
                        + " FROM party WHERE case_id" + cases.sql() + " ORDER BY id",
                cases)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                Boolean consent = rs.getBoolean(10);
                if (rs.wasNull()) {
                    consent = null;
                }
                persons.computeIfAbsent(rs.getLong(2), x -> new ArrayList<>())
                        .add(new Person(
                                id,
                                rs.getString(3),
                                rs.getString(4),
                                integer(rs, 5),
                                integer(rs, 6),
                                rs.getString(7),
                                rs.getString(8),
                                date(rs, 9),
                                consent,
                                rs.getString(11),
                                rs.getString(12),
                                steps.getOrDefault(id, List.of()),
                                charges.getOrDefault(id, List.of()),
                                referrals.getOrDefault(id, List.of()),
                                convictedLinks.contains(id)));
            }
        }
        List<ExchangeCase> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, opened_on, status, closed_on, closing_reason, origin, signalling_organisation_id IS NOT NULL,"
                        + " police_unit, court_district, prosecution_office, team_type FROM case_file WHERE id"
                        + cases.sql() + " AND opened_on >= ? AND opened_on < ? ORDER BY id")) {
            int next = cases.bind(ps, 1);
            ps.setDate(next, Date.valueOf(from));
            ps.setDate(next + 1, Date.valueOf(before));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    LocalDate opened = date(rs, 2);
                    List<String> caseForms =
                            forms.getOrDefault(id, List.of()).stream().sorted().toList();
                    long key = CellKeys.of(
                            c,
                            rs.getString(8),
                            rs.getString(9),
                            rs.getString(10),
                            opened.getYear(),
                            (opened.getMonthValue() + 2) / 3,
                            rs.getString(6),
                            rs.getString(11),
                            String.join(",", caseForms));
                    out.add(new ExchangeCase(
                            id,
                            opened,
                            rs.getString(3),
                            date(rs, 4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBoolean(7),
                            rs.getString(8),
                            caseForms,
                            key,
                            persons.getOrDefault(id, List.of())));
                }
            }
        }
        return out;
    }

    private ResultSet query(String sql, Cases cases) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.closeOnCompletion();
        cases.bind(ps, 1);
        return ps.executeQuery();
    }

    private static LocalDate date(ResultSet rs, int i) throws SQLException {
        Date d = rs.getDate(i);
        return d == null ? null : d.toLocalDate();
    }

    private static Integer integer(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }
}
