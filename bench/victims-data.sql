-- Synthetic measure-4 facts for every victim of bench/reports-data.sql (run after it: uses bench_u),
-- written straight into report_victim_fact, which the application keeps from the victims' records
-- (the read benchmark needs the facts, not the records). Sets and codes as VictimFacts writes them:
-- forms and markers sorted, reasons only with a declined aangifte, channel UNKNOWN when not recorded.
SET SESSION sql_log_bin = 0;
DELETE FROM report_victim_fact;
INSERT INTO report_victim_fact (party_id, case_id, municipality, police_unit, court_district, prosecution_office, year, quarter,
                                origin, team_type, forms, age_group, aangifte_made, declined, hearing, channel, reasons, vulnerabilities)
SELECT v.id, c.id, c.municipality_code, c.police_unit, c.court_district, c.prosecution_office, YEAR(c.opened_on), QUARTER(c.opened_on),
       c.origin, c.team_type, COALESCE(f.forms, ''),
       ELT(1 + (bench_u(v.id * 47 + 1) >= 0.1) + (bench_u(v.id * 47 + 1) >= 0.45) + (bench_u(v.id * 47 + 1) >= 0.8)
             + (bench_u(v.id * 47 + 1) >= 0.9), 'UNDER_12', 'AGE_12_15', 'AGE_16_17', 'ADULT', 'UNKNOWN'),
       bench_u(v.id * 47 + 2) < 0.35, v.declined,
       ELT(1 + (bench_u(v.id * 47 + 4) >= 0.4) + (bench_u(v.id * 47 + 4) >= 0.6) + (bench_u(v.id * 47 + 4) >= 0.75)
             + (bench_u(v.id * 47 + 4) >= 0.88), 'NO_HEARING', 'NONE', 'BEFORE', 'DURING', 'BEFORE_AND_DURING'),
       IF(bench_u(v.id * 47 + 5) < 0.2, 'UNKNOWN', ELT(1 + FLOOR(bench_u(v.id * 47 + 6) * 9), 'SNAPCHAT', 'INSTAGRAM', 'TIKTOK',
          'DATING_APP', 'PRO_ANA', 'GAMING', 'ESCORT_SITE', 'MESSAGING', 'PEER')),
       IF(v.declined, CONCAT_WS(',', IF(bench_u(v.id * 53 + 1) < 0.2, 'CONSEQUENCES', NULL), IF(bench_u(v.id * 53 + 2) < 0.2, 'FAMILY_PRESSURE', NULL),
          IF(bench_u(v.id * 53 + 3) < 0.4, 'FEAR_SUSPECT', NULL), IF(bench_u(v.id * 53 + 4) < 0.3, 'LOYALTY', NULL),
          IF(bench_u(v.id * 53 + 5) < 0.15, 'NOT_A_VICTIM', NULL), IF(bench_u(v.id * 53 + 6) < 0.25, 'NO_TRUST', NULL),
          IF(bench_u(v.id * 53 + 7) < 0.05, 'OTHER', NULL), IF(bench_u(v.id * 53 + 8) < 0.3, 'SHAME', NULL),
          IF(bench_u(v.id * 53 + 9) < 0.15, 'TRAUMA', NULL)), ''),
       CONCAT_WS(',', IF(bench_u(v.id * 59 + 1) < 0.1, 'ADDICTION', NULL), IF(bench_u(v.id * 59 + 2) < 0.1, 'DEBTS', NULL),
          IF(bench_u(v.id * 59 + 3) < 0.25, 'EARLIER_RUNAWAY', NULL), IF(bench_u(v.id * 59 + 4) < 0.1, 'EARLIER_VICTIM', NULL),
          IF(bench_u(v.id * 59 + 5) < 0.1, 'EATING_DISORDER', NULL), IF(bench_u(v.id * 59 + 6) < 0.3, 'GGZ', NULL),
          IF(bench_u(v.id * 59 + 7) < 0.05, 'HOMELESS', NULL), IF(bench_u(v.id * 59 + 8) < 0.25, 'LVB', NULL),
          IF(bench_u(v.id * 59 + 9) < 0.2, 'RESIDENTIAL_YOUTH_CARE', NULL), IF(bench_u(v.id * 59 + 10) < 0.03, 'UNDOCUMENTED', NULL))
FROM (SELECT id, case_id, bench_u(id * 47 + 3) < 0.3 AS declined FROM party WHERE kind = 'VICTIM') v
JOIN case_file c ON c.id = v.case_id
LEFT JOIN (SELECT case_id, GROUP_CONCAT(code ORDER BY CAST(code AS BINARY) SEPARATOR ',') AS forms
           FROM case_exploitation_form GROUP BY case_id) f ON f.case_id = c.id;
ANALYZE TABLE report_victim_fact;
