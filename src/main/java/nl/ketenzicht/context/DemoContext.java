package nl.ketenzicht.context;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nl.ketenzicht.shared.Jdbc;

/**
 * The demo's context, so that measure 7 and the monitor show figures on first start: capacity of
 * every police unit for every demo year, the local priority of every municipality with demo cases
 * (some yes, some no, a third changing once), and one pilot in three units with its cases tagged. Synthetic
 * and reproducible from the demo's seed; written once, while there is no context, as version 1 with
 * its history row, like a first save through the API.
 */
@ApplicationScoped
public class DemoContext {

    /** Who the history names for the seeded values. */
    static final String ACTOR = "demo-seed";

    static final String PILOT_NAME = "Proeftuin aangiftebereidheid";
    static final List<String> PILOT_UNITS = List.of("AMS", "OB", "RDM");

    @Inject
    Jdbc jdbc;

    public boolean needed() {
        return jdbc.with("The demo context could not be read", c -> {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "SELECT NOT EXISTS (SELECT 1 FROM context_capacity) AND EXISTS (SELECT 1 FROM case_file)")) {
                rs.next();
                return rs.getBoolean(1);
            }
        });
    }

    /** Seeds the years fromYear..today's year in one transaction; the number of rows written. */
    public int seed(int fromYear, LocalDate today, long seed, Instant now) {
        try {
            return jdbc.unbounded(c -> {
                c.setAutoCommit(false);
                try {
                    SplittableRandom random = new SplittableRandom(seed ^ 0x636f6e74657874L);
                    int rows = capacity(c, fromYear, today.getYear(), random, now)
                            + priorities(c, fromYear, today.getYear(), random, now)
                            + pilot(c, today, now);
                    c.commit();
                    return rows;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("The demo context could not be written", e);
        }
    }

    private static int capacity(Connection c, int fromYear, int toYear, SplittableRandom random, Instant now)
            throws SQLException {
        int rows = 0;
        try (PreparedStatement current = c.prepareStatement(
                        "INSERT INTO context_capacity (police_unit, year, fte_avim, fte_zeden, fte_digital, "
                                + "fte_psychologists, version, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)");
                PreparedStatement history = c.prepareStatement(
                        "INSERT INTO context_capacity_history (police_unit, year, fte_avim, fte_zeden, "
                                + "fte_digital, fte_psychologists, version, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)")) {
            for (String unit : codes(c, "SELECT code FROM ref_police_unit ORDER BY code")) {
                double avim = 8 + random.nextDouble() * 22;
                double zeden = 10 + random.nextDouble() * 25;
                double digital = 2 + random.nextDouble() * 8;
                double psychologists = 0.5 + random.nextDouble() * 2.5;
                for (int year = fromYear; year <= toYear; year++) {
                    // Teams grow a little most years; digital investigation grows fastest.
                    avim *= 0.97 + random.nextDouble() * 0.08;
                    zeden *= 0.96 + random.nextDouble() * 0.08;
                    digital *= 1.0 + random.nextDouble() * 0.12;
                    for (PreparedStatement s : List.of(current, history)) {
                        s.setString(1, unit);
                        s.setInt(2, year);
                        s.setBigDecimal(3, fte(avim));
                        s.setBigDecimal(4, fte(zeden));
                        s.setBigDecimal(5, fte(digital));
                        s.setBigDecimal(6, fte(psychologists));
                        s.setString(7, ACTOR);
                        s.setTimestamp(8, Timestamp.from(now));
                        s.addBatch();
                    }
                    rows++;
                }
            }
            current.executeBatch();
            history.executeBatch();
        }
        return rows;
    }

    private static int priorities(Connection c, int fromYear, int toYear, SplittableRandom random, Instant now)
            throws SQLException {
        int rows = 0;
        try (PreparedStatement current =
                        c.prepareStatement("INSERT INTO context_priority (municipality_code, year, priority, version, "
                                + "changed_by, changed_at) VALUES (?, ?, ?, 1, ?, ?)");
                PreparedStatement history =
                        c.prepareStatement("INSERT INTO context_priority_history (municipality_code, year, priority, "
                                + "version, changed_by, changed_at) VALUES (?, ?, ?, 1, ?, ?)")) {
            for (String municipality : codes(c, "SELECT DISTINCT municipality_code FROM case_file ORDER BY 1")) {
                boolean priority = random.nextDouble() < 0.4;
                // A third of the municipalities change their plan once.
                int switchYear = random.nextDouble() < 0.33
                        ? fromYear + 1 + random.nextInt(Math.max(1, toYear - fromYear))
                        : Integer.MAX_VALUE;
                for (int year = fromYear; year <= toYear; year++) {
                    boolean yes = year >= switchYear ? !priority : priority;
                    for (PreparedStatement s : List.of(current, history)) {
                        s.setString(1, municipality);
                        s.setInt(2, year);
                        s.setBoolean(3, yes);
                        s.setString(4, ACTOR);
                        s.setTimestamp(5, Timestamp.from(now));
                        s.addBatch();
                    }
                    rows++;
                }
            }
            current.executeBatch();
            history.executeBatch();
        }
        return rows;
    }

    /** The pilot ran for three years, ending last year, so the monitor has cases before, during and after it. */
    private static int pilot(Connection c, LocalDate today, Instant now) throws SQLException {
        LocalDate starts = LocalDate.of(today.getYear() - 3, 1, 1);
        LocalDate ends = LocalDate.of(today.getYear() - 1, 12, 31);
        long id;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO context_pilot (name, starts_on, ends_on, version, changed_by, changed_at) "
                        + "VALUES (?, ?, ?, 1, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, PILOT_NAME);
            s.setDate(2, Date.valueOf(starts));
            s.setDate(3, Date.valueOf(ends));
            s.setString(4, ACTOR);
            s.setTimestamp(5, Timestamp.from(now));
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO context_pilot_unit (pilot_id, police_unit) VALUES (?, ?)")) {
            for (String unit : PILOT_UNITS) {
                s.setLong(1, id);
                s.setString(2, unit);
                s.addBatch();
            }
            s.executeBatch();
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO context_pilot_history (pilot_id, version, name, starts_on, ends_on, "
                        + "police_units, changed_by, changed_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?)")) {
            s.setLong(1, id);
            s.setString(2, PILOT_NAME);
            s.setDate(3, Date.valueOf(starts));
            s.setDate(4, Date.valueOf(ends));
            s.setString(5, String.join(",", PILOT_UNITS));
            s.setString(6, ACTOR);
            s.setTimestamp(7, Timestamp.from(now));
            s.executeUpdate();
        }
        // About two in three of the units' cases opened during the pilot take part, chosen by a fixed hash of the case
        // id.
        String chosen = "FROM case_file WHERE police_unit IN ('" + String.join("', '", PILOT_UNITS)
                + "') AND opened_on BETWEEN ? AND ? " + "AND MOD(id * 2654435761, 3) < 2";
        int tagged;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO case_pilot (case_id, pilot_id, tagged_by, tagged_at) SELECT id, ?, ?, ? " + chosen)) {
            s.setLong(1, id);
            s.setString(2, ACTOR);
            s.setTimestamp(3, Timestamp.from(now));
            s.setDate(4, Date.valueOf(starts));
            s.setDate(5, Date.valueOf(ends));
            tagged = s.executeUpdate();
        }
        try (PreparedStatement s =
                c.prepareStatement("INSERT INTO case_pilot_history (case_id, pilot_id, tagged, changed_by, changed_at) "
                        + "SELECT case_id, pilot_id, TRUE, tagged_by, tagged_at FROM case_pilot WHERE pilot_id = ?")) {
            s.setLong(1, id);
            s.executeUpdate();
        }
        return 1 + tagged;
    }

    private static List<String> codes(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static BigDecimal fte(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }
}
