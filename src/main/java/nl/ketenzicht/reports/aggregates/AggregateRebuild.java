package nl.ketenzicht.reports.aggregates;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Recomputes everything the reports derive from the base tables, in set-based SQL: the case and
 * party facts and the funnel counters (measures 1–3), the victim, runaway and care facts (measures
 * 4–6) with the measure-4 counters, and the dark number's overlap counts. Used after a bulk load
 * ({@link BulkLoadRebuild}) and by the tests as an independent check on the incremental path: it is
 * written separately from {@link CaseFacts} and {@link VictimFacts} (the age group, for one, is
 * computed here in SQL from the rule of {@link nl.ketenzicht.reports.AgeGroup}), so a shared mistake
 * is unlikely.
 *
 * <p>Run it in one transaction so readers see the old or the new set. Each step reads what the one
 * before wrote where that saves a pass over the base tables: the case facts carry every case's
 * dimensions and form set, so the party and victim facts join them by primary key instead of
 * grouping the forms again, and the runaway and care facts take their victim's dimensions from the
 * victim facts.
 *
 * <p>Two ways to run it. {@link #run} replaces the tables' rows in the caller's transaction, on one
 * connection (the tests compare with it and roll back). {@link #swap}, used after a bulk load, fills a
 * shadow copy of each report table on parallel connections (after the case facts, the party facts and the
 * victim branch are independent) and swaps all of them in with one atomic RENAME TABLE, while the
 * {@link RebuildGuard} keeps the writers' maintenance off; both give the same rows.
 */
public final class AggregateRebuild {

    /** Told after each step: its name, the rows it wrote and how long it took. */
    @FunctionalInterface
    public interface Steps {
        Steps NONE = (step, rows, took) -> {};

        void done(String step, long rows, Duration took);
    }

    /** A chunk's ids: the tokens are replaced by numbers (see {@link #chunked}). */
    private static final String FROM = "{from}";

    private static final String TO = "{to}";
    /**
     * Each suspect's and client's chain as flags, grouped per party first (a party counts once per
     * figure however many steps it has); the derived table holds one chunk of cases, so it stays a
     * small in-memory table (for all cases at once it spilled millions of rows to disk). Grouped by
     * (case_id, kind, id), the order of the index the chunk is read by, so the grouping streams without a
     * temporary table and a sort; the session turns MariaDB's split_materialized off, which otherwise
     * runs the derived table once per case (LATERAL DERIVED), several times slower.
     */
    private static final String PARTY_FLAGS =
            "(SELECT p.id, p.case_id, p.kind, COALESCE(p.age_verification_at_issue, 0) AS av, "
                    + "COALESCE(MAX(e.stage = 'IN_VIEW'), 0) AS iv, COALESCE(MAX(e.stage = 'OM_INFLOW'), 0) AS om, "
                    + "COALESCE(MAX(e.stage = 'OM_DECISION' AND e.decision = 'SUMMONS'), 0) AS su, "
                    + "COALESCE(MAX(e.stage = 'VERDICT' AND e.verdict = 'CONVICTION'), 0) AS co, "
                    + "COALESCE(MAX(e.stage = 'SENTENCE' AND e.custody_unconditional_days > 0), 0) AS cu "
                    + "FROM party p LEFT JOIN chain_event e ON e.party_id = p.id WHERE p.case_id BETWEEN " + FROM
                    + " AND " + TO
                    + " GROUP BY p.case_id, p.kind, p.id)";
    /** Each case's party counts, from the flags of its parties: one row per case of the chunk that has parties. */
    private static final String PARTY_COUNTS = "(SELECT p.case_id, COUNT(IF(p.kind = 'VICTIM', 1, NULL)) AS victims, "
            + "COUNT(IF(p.kind = 'SUSPECT', 1, NULL)) AS suspects, COUNT(IF(p.kind = 'SUSPECT' AND p.iv, 1, NULL)) AS s_in_view, "
            + "COUNT(IF(p.kind = 'SUSPECT' AND p.om, 1, NULL)) AS s_om_inflow, COUNT(IF(p.kind = 'SUSPECT' AND p.su, 1, NULL)) AS s_summons, "
            + "COUNT(IF(p.kind = 'SUSPECT' AND p.co, 1, NULL)) AS s_conviction, COUNT(IF(p.kind = 'SUSPECT' AND p.cu, 1, NULL)) AS s_custody, "
            + "COUNT(IF(p.kind = 'CLIENT', 1, NULL)) AS clients, COUNT(IF(p.kind = 'CLIENT' AND p.om, 1, NULL)) AS c_om_inflow, "
            + "COUNT(IF(p.kind = 'CLIENT' AND p.su, 1, NULL)) AS c_summons, COUNT(IF(p.kind = 'CLIENT' AND p.co, 1, NULL)) AS c_conviction, "
            + "COUNT(IF(p.kind = 'CLIENT' AND p.cu, 1, NULL)) AS c_custody, COUNT(IF(p.kind = 'CLIENT' AND p.av, 1, NULL)) AS c_age_check "
            + "FROM " + PARTY_FLAGS + " p GROUP BY p.case_id)";
    /**
     * One row per case of the chunk, its dimensions read once from case_file and its counts joined by key
     * (0 without parties); the case's form set, sorted as Java sorts strings, by primary-key lookup. The
     * grouping sits in the derived table: grouping the join by case instead took the MAX of every
     * dimension over every party row, a sixth more CPU.
     */
    private static final String CASE_FACTS =
            "INSERT INTO report_case_fact SELECT c.id, c.police_unit, c.court_district, "
                    + "c.prosecution_office, YEAR(c.opened_on), QUARTER(c.opened_on), c.origin, c.team_type, "
                    + "COALESCE((SELECT GROUP_CONCAT(f.code ORDER BY CAST(f.code AS BINARY) SEPARATOR ',') FROM case_exploitation_form f "
                    + "WHERE f.case_id = c.id), ''), "
                    + String.join(
                            ", ",
                            List.of(
                                            "victims",
                                            "suspects",
                                            "s_in_view",
                                            "s_om_inflow",
                                            "s_summons",
                                            "s_conviction",
                                            "s_custody",
                                            "clients",
                                            "c_om_inflow",
                                            "c_summons",
                                            "c_conviction",
                                            "c_custody",
                                            "c_age_check")
                                    .stream()
                                    .map(n -> "COALESCE(n." + n + ", 0)")
                                    .toList())
                    + " FROM case_file c LEFT JOIN " + PARTY_COUNTS + " n ON n.case_id = c.id WHERE c.id BETWEEN "
                    + FROM + " AND " + TO;
    /**
     * Case dimensions from the case facts just written (one row per case, by primary key); each party's
     * dated stages grouped over the chunk's chain events alone, in the order of ix_chain_party, and joined
     * by key. Grouping the whole join by party instead took the MAX of every case dimension over every
     * chain event: twice the CPU. Inside the rebuild's transaction the statistics still describe the
     * emptied case facts (one row), so the plan is fixed: STRAIGHT_JOIN keeps the chunk's parties first and
     * FORCE INDEX reads their case facts by key (else MariaDB chose a block-nested-loop scan of all case
     * facts, minutes per chunk).
     */
    private static final String PARTY_FACTS = "INSERT INTO report_party_fact (party_id, case_id, kind, police_unit, "
            + "court_district, prosecution_office, year, quarter, origin, team_type, forms, in_view_on, om_inflow_on, "
            + "decision_on, decision, verdict_on, case_closed_on, case_closing_reason) SELECT STRAIGHT_JOIN p.id, p.case_id, p.kind, "
            + "k.police_unit, k.court_district, k.prosecution_office, k.year, k.quarter, k.origin, k.team_type, k.forms, "
            + "e.in_view_on, e.om_inflow_on, e.decision_on, e.decision, e.verdict_on, c.closed_on, c.closing_reason "
            + "FROM party p JOIN report_case_fact k FORCE INDEX (PRIMARY) ON k.case_id = p.case_id JOIN case_file c ON c.id = p.case_id "
            + "LEFT JOIN (SELECT e.party_id, MAX(IF(e.stage = 'IN_VIEW', e.occurred_on, NULL)) AS in_view_on, "
            + "MAX(IF(e.stage = 'OM_INFLOW', e.occurred_on, NULL)) AS om_inflow_on, "
            + "MAX(IF(e.stage = 'OM_DECISION', e.occurred_on, NULL)) AS decision_on, MAX(IF(e.stage = 'OM_DECISION', e.decision, NULL)) "
            + "AS decision, MAX(IF(e.stage = 'VERDICT', e.occurred_on, NULL)) AS verdict_on FROM chain_event e "
            + "WHERE e.party_id BETWEEN " + FROM + " AND " + TO + " GROUP BY e.party_id) e ON e.party_id = p.id "
            + "WHERE p.id BETWEEN " + FROM + " AND " + TO + " AND p.kind IN ('SUSPECT', 'CLIENT')";

    private static final String FUNNEL = "INSERT INTO report_funnel (" + Counters.COLUMNS
            + ", tk) SELECT police_unit, court_district, prosecution_office, "
            + "year, quarter, origin, team_type, forms, COUNT(*), SUM(victims), SUM(suspects), SUM(s_in_view), "
            + "SUM(s_om_inflow), SUM(s_summons), SUM(s_conviction), SUM(s_custody), SUM(clients), SUM(c_om_inflow), "
            + "SUM(c_summons), SUM(c_conviction), SUM(c_custody), SUM(c_age_check), "
            + CellKeys.sql(
                    "(SELECT secret FROM report_key WHERE id = 1)",
                    "police_unit",
                    "court_district",
                    "prosecution_office",
                    "year",
                    "quarter",
                    "origin",
                    "team_type",
                    "forms")
            + " FROM report_case_fact "
            + "GROUP BY police_unit, court_district, prosecution_office, year, quarter, origin, team_type, forms";

    /**
     * The age group of AgeGroup.of in SQL: age in whole years at the start of the exploitation (else
     * at the case's opening), birth on the 15th of the month, or 1 July without a month; no birth
     * year, or a date before birth, is UNKNOWN. TIMESTAMPDIFF counts whole years as Period does.
     */
    private static final String BORN = "MAKEDATE(p.birth_year, 1) + INTERVAL COALESCE(p.birth_month, 7) - 1 MONTH "
            + "+ INTERVAL IF(p.birth_month IS NULL, 0, 14) DAY";

    private static final String AGE_ON = "COALESCE(p.exploitation_started_on, c.opened_on)";
    /** Counted over a victim's hearings: an informatory interview or an aangifte. */
    private static final String HEARD = "e.type IN ('AANGIFTE_MADE', 'INFORMATORY_INTERVIEW')";
    /** The age group of a victim row {@code p} of case {@code c}, per the rule above. */
    private static final String AGE_GROUP =
            "CASE WHEN p.birth_year IS NULL OR " + AGE_ON + " < " + BORN + " THEN 'UNKNOWN' "
                    + "WHEN TIMESTAMPDIFF(YEAR, " + BORN + ", " + AGE_ON + ") < 12 THEN 'UNDER_12' "
                    + "WHEN TIMESTAMPDIFF(YEAR, " + BORN + ", " + AGE_ON + ") < 16 THEN 'AGE_12_15' "
                    + "WHEN TIMESTAMPDIFF(YEAR, " + BORN + ", " + AGE_ON + ") < 18 THEN 'AGE_16_17' ELSE 'ADULT' END";
    /**
     * One pass over the chunk's victims in primary-key order; their aangifte events grouped per victim in
     * a derived table over the chunk (by ix_aangifte_victim) and joined by key: ever made, ever declined,
     * and the hearing: NO_HEARING without one, else the recherchepsycholoog's advice over all hearings.
     * The multi-valued codes come from correlated lookups by primary key, sorted as Java sorts strings.
     * Reasons count only as reasons for declining; a victim without a channel has UNKNOWN. STRAIGHT_JOIN
     * as in {@link #PARTY_FACTS}.
     */
    private static final String VICTIM_FACTS =
            "INSERT INTO report_victim_fact (party_id, case_id, municipality, police_unit, "
                    + "court_district, prosecution_office, year, quarter, origin, team_type, forms, age_group, aangifte_made, declined, "
                    + "hearing, channel, reasons, vulnerabilities, estimated_clients) SELECT STRAIGHT_JOIN p.id, p.case_id, c.municipality_code, k.police_unit, "
                    + "k.court_district, k.prosecution_office, k.year, k.quarter, k.origin, k.team_type, k.forms, "
                    + AGE_GROUP + ", "
                    + "COALESCE(a.made, 0), COALESCE(a.declined, 0), "
                    + "CASE WHEN COALESCE(a.heard, 0) = 0 THEN 'NO_HEARING' WHEN a.`before` AND a.during THEN 'BEFORE_AND_DURING' "
                    + "WHEN a.`before` THEN 'BEFORE' WHEN a.during THEN 'DURING' ELSE 'NONE' END, "
                    + "COALESCE(p.recruitment_channel, 'UNKNOWN'), "
                    + "COALESCE((SELECT GROUP_CONCAT(DISTINCT r.code ORDER BY CAST(r.code AS BINARY) SEPARATOR ',') FROM aangifte_event d "
                    + "JOIN aangifte_reason r ON r.event_id = d.id WHERE d.victim_id = p.id AND d.type = 'DECLINED'), ''), "
                    + "COALESCE((SELECT GROUP_CONCAT(v.code ORDER BY CAST(v.code AS BINARY) SEPARATOR ',') FROM victim_vulnerability v "
                    + "WHERE v.party_id = p.id), ''), p.estimated_client_count "
                    + "FROM party p JOIN case_file c ON c.id = p.case_id JOIN report_case_fact k FORCE INDEX (PRIMARY) ON k.case_id = p.case_id "
                    + "LEFT JOIN (SELECT e.victim_id, MAX(e.type = 'AANGIFTE_MADE') AS made, MAX(e.type = 'DECLINED') AS declined, "
                    + "MAX(" + HEARD + ") AS heard, MAX(" + HEARD
                    + " AND e.psychologist_advised IN ('BEFORE', 'BEFORE_AND_DURING')) AS `before`, "
                    + "MAX(" + HEARD
                    + " AND e.psychologist_advised IN ('DURING', 'BEFORE_AND_DURING')) AS during FROM aangifte_event e "
                    + "WHERE e.victim_id BETWEEN " + FROM + " AND " + TO
                    + " GROUP BY e.victim_id) a ON a.victim_id = p.id "
                    + "WHERE p.id BETWEEN " + FROM + " AND " + TO + " AND p.kind = 'VICTIM'";

    private static final String VICTIM_DIMS = "f.municipality, f.police_unit, f.court_district, f.prosecution_office";
    private static final String VICTIM_CUT = "f.origin, f.team_type, f.forms, f.age_group";
    /** Episodes by the quarter the child went missing; unknown victimisation counts as not victimised. */
    private static final String RUNAWAY_FACTS =
            "INSERT INTO report_runaway_fact (episode_id, victim_id, municipality, police_unit, "
                    + "court_district, prosecution_office, year, quarter, origin, team_type, forms, age_group, institution_type, "
                    + "missing_since, reported_on, found_on, victimised) SELECT e.id, e.victim_id, " + VICTIM_DIMS
                    + ", "
                    + "YEAR(e.missing_since), QUARTER(e.missing_since), " + VICTIM_CUT
                    + ", e.institution_type, e.missing_since, "
                    + "e.reported_on, e.found_on, COALESCE(e.victimised_during, FALSE) "
                    + "FROM runaway_episode e JOIN report_victim_fact f ON f.party_id = e.victim_id";
    /** Referrals by the quarter of referral. */
    private static final String CARE_FACTS =
            "INSERT INTO report_care_fact (referral_id, victim_id, municipality, police_unit, "
                    + "court_district, prosecution_office, year, quarter, origin, team_type, forms, age_group, care_type, referred_on, "
                    + "started_on) SELECT r.id, r.victim_id, " + VICTIM_DIMS
                    + ", YEAR(r.referred_on), QUARTER(r.referred_on), "
                    + VICTIM_CUT + ", r.care_type, r.referred_on, r.started_on "
                    + "FROM care_referral r JOIN report_victim_fact f ON f.party_id = r.victim_id";

    /** Every person once per year and quarter (0 = whole year), per police unit and nationally (''), as V1_10_0. */
    private static final String GRAIN =
            "JOIN (SELECT 0 AS by_quarter, 0 AS by_unit UNION ALL SELECT 0, 1 UNION ALL SELECT 1, 0 "
                    + "UNION ALL SELECT 1, 1) g";

    private static final String OVERLAP =
            "INSERT INTO overlap_count (period_year, period_quarter, police_unit, type_mask, persons) "
                    + "SELECT period_year, period_quarter, police_unit, type_mask, COUNT(*) FROM (SELECT YEAR(r.registered_on) AS period_year, "
                    + "g.by_quarter * QUARTER(r.registered_on) AS period_quarter, IF(g.by_unit = 1, r.police_unit, '') AS police_unit, "
                    + "BIT_OR(1 << (FIELD(r.organisation_type, 'POLICE', 'OM', 'CARE', 'YOUTH_CARE', 'NATIONAL', 'KMAR', 'INSPECTORATE', "
                    + "'OTHER') - 1)) AS type_mask FROM registration r " + GRAIN + " GROUP BY r.person_id, 1, 2, 3) x "
                    + "GROUP BY period_year, period_quarter, police_unit, type_mask";
    private static final String REGISTRATIONS =
            "INSERT INTO registration_count (period_year, period_quarter, police_unit, "
                    + "organisation_type, match_quality, registrations) SELECT YEAR(r.registered_on), g.by_quarter * QUARTER(r.registered_on), "
                    + "IF(g.by_unit = 1, r.police_unit, ''), r.organisation_type, r.match_quality, COUNT(*) FROM registration r "
                    + GRAIN
                    + " GROUP BY 1, 2, 3, 4, 5";

    /** Derived tables, emptied first; the funnel's deltas are folded into the rebuilt counters by being dropped. */
    private static final List<String> DERIVED = List.of(
            "report_funnel",
            "report_funnel_delta",
            "report_case_fact",
            "report_party_fact",
            "report_victim_count",
            "report_runaway_fact",
            "report_care_fact",
            "report_victim_fact",
            "overlap_count",
            "registration_count");
    /**
     * The tables {@link #swap} builds under a shadow name (the application user may create, rename and drop
     * exactly these names, see R__Grant_application_user.sql). The overlap counts stay in the guard's
     * transaction: small, and kept by the registration writers, which wait for its row locks as before.
     */
    static final List<String> SWAPPED = List.of(
            "report_case_fact",
            "report_party_fact",
            "report_funnel",
            "report_funnel_delta",
            "report_victim_fact",
            "report_runaway_fact",
            "report_care_fact",
            "report_victim_count");

    private static final Pattern SWAPPED_NAME = Pattern.compile("\\b(" + String.join("|", SWAPPED) + ")\\b");
    private static final String NEXT = "_next";
    private static final String PREV = "_prev";

    /**
     * Chunk sizes, in ids: the derived tables of one chunk stay in memory (bench/rebuild.sh measured
     * them; see bench/RESULTS.md). Chunks only split the statements; all run in the caller's transaction.
     */
    private static final int CASES_PER_CHUNK = 50_000;

    private static final int PARTIES_PER_CHUNK = 150_000;
    private static final long TEMP_TABLE_BYTES = 256L << 20;

    private AggregateRebuild() {}

    /** Replaces all aggregates; run it in one transaction so readers see the old or the new set. */
    public static void run(Connection c) throws SQLException {
        run(c, Steps.NONE);
    }

    public static void run(Connection c, Steps steps) throws SQLException {
        run(c, steps, true);
    }

    /** {@code bulk} false keeps the session's checks as they are (for the benchmark's comparison). */
    static void run(Connection c, Steps steps, boolean bulk) throws SQLException {
        try (Statement s = c.createStatement()) {
            String[] before = prepare(s, bulk);
            try {
                for (String table : DERIVED) {
                    step(s, steps, "delete " + table, "DELETE FROM " + table);
                }
                long[] cases = range(s, "case_file");
                long[] parties = range(s, "party");
                chunked(s, steps, "report_case_fact", CASE_FACTS, cases, CASES_PER_CHUNK);
                chunked(s, steps, "report_party_fact", PARTY_FACTS, parties, PARTIES_PER_CHUNK);
                step(s, steps, "report_funnel", FUNNEL);
                chunked(s, steps, "report_victim_fact", VICTIM_FACTS, parties, PARTIES_PER_CHUNK);
                step(s, steps, "report_runaway_fact", RUNAWAY_FACTS);
                step(s, steps, "report_care_fact", CARE_FACTS);
                victimCounts(s, steps, false);
                step(s, steps, "overlap_count", OVERLAP);
                step(s, steps, "registration_count", REGISTRATIONS);
            } finally {
                restore(s, before);
            }
        }
    }

    /**
     * Replaces all aggregates as {@link #run} does, in less time: each report table is filled under a
     * shadow name ({@code <table>_next}, empty, so every fill is one bulk insert) and committed, the
     * independent steps on parallel connections (three, one of them the guard's); then one RENAME TABLE
     * swaps every shadow in at once, and readers see the old or the new set, never a mix. Writers are held
     * off by the {@link RebuildGuard} from before the first read until after the swap, so the new tables
     * miss no change that committed meanwhile. The overlap counts are replaced in the guard's transaction.
     * On failure the shadows are dropped and the live tables stay as they were.
     *
     * <p>Order: case facts first (the others read their dimensions from them); then on one connection the
     * party facts and the counters, on the other the victim facts and then measure 4's counters; the
     * runaway and care facts, which need the victim facts, follow the counters on the first.
     *
     * <p>Three connections of the caller's, in autocommit and without a socket timeout (statements run for
     * minutes), left with their session settings as they were; an executor with at least two threads.
     */
    public static void swap(Connection guard, Connection a, Connection b, Executor executor, Steps steps)
            throws SQLException {
        try (Statement g = guard.createStatement();
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            // The application's pool gives up a lock wait after a second: in-flight writers finish first.
            String lockWait = scalar(g, "SELECT @@session.innodb_lock_wait_timeout");
            String mdlWait = scalar(sa, "SELECT @@session.lock_wait_timeout");
            g.execute("SET SESSION innodb_lock_wait_timeout = 120");
            String[] gBefore = prepare(g, false);
            String[] aBefore = prepare(sa, true);
            String[] bBefore = prepare(sb, true);
            guard.setAutoCommit(false);
            boolean swapped = false;
            try {
                RebuildGuard.hold(guard);
                for (String table : SWAPPED) {
                    sa.execute("DROP TABLE IF EXISTS " + table + NEXT + ", " + table + PREV);
                    sa.execute("CREATE TABLE " + table + NEXT + " LIKE " + table);
                }
                long[] cases = range(sa, "case_file");
                long[] parties = range(sa, "party");
                CompletableFuture<Void> caseFacts = CompletableFuture.runAsync(
                        () -> inTransaction(
                                sa,
                                () -> chunked(sa, steps, "report_case_fact", next(CASE_FACTS), cases, CASES_PER_CHUNK)),
                        executor);
                CompletableFuture<Void> counters = caseFacts.thenRunAsync(
                        () -> {
                            inTransaction(
                                    sa,
                                    () -> chunked(
                                            sa,
                                            steps,
                                            "report_party_fact",
                                            next(PARTY_FACTS),
                                            parties,
                                            PARTIES_PER_CHUNK));
                            inTransaction(sa, () -> step(sa, steps, "report_funnel", next(FUNNEL)));
                        },
                        executor);
                CompletableFuture<Void> victims = caseFacts.thenRunAsync(
                        () -> inTransaction(
                                sb,
                                () -> chunked(
                                        sb,
                                        steps,
                                        "report_victim_fact",
                                        next(VICTIM_FACTS),
                                        parties,
                                        PARTIES_PER_CHUNK)),
                        executor);
                CompletableFuture<Void> victimCounts =
                        victims.thenRunAsync(() -> inTransaction(sb, () -> victimCounts(sb, steps, true)), executor);
                CompletableFuture<Void> episodes = counters.runAfterBothAsync(
                        victims,
                        () -> {
                            inTransaction(sa, () -> step(sa, steps, "report_runaway_fact", next(RUNAWAY_FACTS)));
                            inTransaction(sa, () -> step(sa, steps, "report_care_fact", next(CARE_FACTS)));
                        },
                        executor);
                try {
                    CompletableFuture.allOf(victimCounts, episodes).join();
                } catch (CompletionException e) {
                    // Let the other branch end before the connections close under it.
                    CompletableFuture.allOf(victimCounts, episodes)
                            .exceptionally(x -> null)
                            .join();
                    throw e.getCause() instanceof SQLException sql
                            ? sql
                            : new SQLException("rebuild failed", e.getCause());
                }
                step(g, steps, "delete overlap_count", "DELETE FROM overlap_count");
                step(g, steps, "delete registration_count", "DELETE FROM registration_count");
                step(g, steps, "overlap_count", OVERLAP);
                step(g, steps, "registration_count", REGISTRATIONS);
                long start = System.nanoTime();
                // Waits for readers in flight on the live tables; a reader that starts now waits for the swap.
                sa.execute("SET SESSION lock_wait_timeout = 120");
                sa.execute("RENAME TABLE "
                        + SWAPPED.stream()
                                .map(t -> t + " TO " + t + PREV + ", " + t + NEXT + " TO " + t)
                                .collect(Collectors.joining(", ")));
                swapped = true;
                guard.commit();
                steps.done("swap (RENAME TABLE)", 0, Duration.ofNanos(System.nanoTime() - start));
                sa.execute("DROP TABLE " + SWAPPED.stream().map(t -> t + PREV).collect(Collectors.joining(", ")));
            } catch (SQLException | RuntimeException e) {
                guard.rollback();
                if (!swapped) {
                    sa.execute("DROP TABLE IF EXISTS "
                            + SWAPPED.stream().map(t -> t + NEXT).collect(Collectors.joining(", ")));
                }
                throw e;
            } finally {
                guard.setAutoCommit(true);
                g.execute("SET SESSION innodb_lock_wait_timeout = " + lockWait);
                sa.execute("SET SESSION lock_wait_timeout = " + mdlWait);
                restore(g, gBefore);
                restore(sa, aBefore);
                restore(sb, bBefore);
            }
        }
    }

    private static String scalar(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The statement on the shadow tables. */
    static String next(String sql) {
        return SWAPPED_NAME.matcher(sql).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + NEXT));
    }

    private interface Work {
        void run() throws SQLException;
    }

    /** One transaction on the statement's connection: a shadow table's rows go in as one bulk insert. */
    private static void inTransaction(Statement s, Work work) {
        try {
            Connection c = s.getConnection();
            c.setAutoCommit(false);
            try {
                work.run();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new CompletionException(e);
        }
    }

    /** The rebuild's session settings (returned: the ones before, for {@link #restore}). */
    private static String[] prepare(Statement s, boolean bulk) throws SQLException {
        String[] before = session(s);
        // Under REPEATABLE READ, INSERT ... SELECT reads its sources with shared locks held to the
        // commit: at a million cases some 20 million row locks, more than InnoDB's lock table holds
        // ("total number of locks exceeds the lock table size"). READ COMMITTED reads them as
        // committed, without locks. It applies from the next transaction: the caller's connection
        // must not have begun one (a caller that has, as the tests do, keeps its own level).
        s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
        // Every insert below groups by its table's primary key, so no row can collide, and the report
        // tables have no foreign keys: with both checks off, InnoDB loads an empty table as one bulk
        // insert (table-level undo, indexes built by sort). It takes the table's exclusive lock until
        // the commit, which only writers notice; plain reads still see the committed set.
        if (bulk) {
            s.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
        }
        // The groupings (a chunk's derived tables, the counters) stay in memory: on disk they cost
        // several times as much, and a temporary file is one more thing that can fail.
        s.execute("SET SESSION tmp_table_size = " + TEMP_TABLE_BYTES + ", max_heap_table_size = " + TEMP_TABLE_BYTES);
        s.execute("SET SESSION optimizer_switch = 'split_materialized=off'");
        return before;
    }

    private static void restore(Statement s, String[] before) throws SQLException {
        s.execute("SET SESSION unique_checks = " + before[0] + ", foreign_key_checks = " + before[1]
                + ", tmp_table_size = " + before[2] + ", max_heap_table_size = " + before[3] + ", optimizer_switch = '"
                + before[5] + "'");
        s.execute("SET SESSION TRANSACTION ISOLATION LEVEL " + before[4].replace('-', ' '));
    }

    /**
     * Only the measure-4 counters, from the victim facts as they stand: for benchmarks that write
     * synthetic facts without the records behind them (bench/victims-data.sql).
     */
    public static void rebuildVictimCounts(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM report_victim_count");
            victimCounts(s, Steps.NONE, false);
        }
    }

    /** The measure-4 counters from the victim facts: the municipal rows a year at a time, then the regional rows from them. */
    private static void victimCounts(Statement s, Steps steps, boolean shadow) throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        int first;
        int last;
        try (ResultSet rs = s.executeQuery(shadow ? next(VictimCounts.YEARS) : VictimCounts.YEARS)) {
            rs.next();
            first = rs.getInt(1); // 0 and 0 without facts
            last = rs.getInt(2);
        }
        for (int year = first; year <= last && year != 0; year++) {
            String sql = VictimCounts.rebuildMunicipal(year);
            rows += s.executeUpdate(shadow ? next(sql) : sql);
        }
        steps.done("report_victim_count (municipalities)", rows, Duration.ofNanos(System.nanoTime() - start));
        step(
                s,
                steps,
                "report_victim_count (regions)",
                shadow ? next(VictimCounts.rebuildRegional()) : VictimCounts.rebuildRegional());
    }

    private static String[] session(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery(
                "SELECT @@session.unique_checks, @@session.foreign_key_checks, "
                        + "@@session.tmp_table_size, @@session.max_heap_table_size, @@session.tx_isolation, @@session.optimizer_switch")) {
            rs.next();
            return new String[] {
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)
            };
        }
    }

    /** The lowest and highest id of a table (0, -1 when empty). */
    private static long[] range(Statement s, String table) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MIN(id), 0), COALESCE(MAX(id), -1) FROM " + table)) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }

    /** Runs a step for consecutive id ranges of {@code size}, reported as one step. */
    private static void chunked(Statement s, Steps steps, String name, String sql, long[] range, int size)
            throws SQLException {
        long start = System.nanoTime();
        long rows = 0;
        for (long from = range[0]; from <= range[1]; from += size) {
            rows += s.executeUpdate(sql.replace(FROM, Long.toString(from))
                    .replace(TO, Long.toString(Math.min(range[1], from + size - 1))));
        }
        steps.done(name, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    private static void step(Statement s, Steps steps, String name, String sql) throws SQLException {
        long start = System.nanoTime();
        int rows = s.executeUpdate(sql);
        steps.done(name, rows, Duration.ofNanos(System.nanoTime() - start));
    }
}
