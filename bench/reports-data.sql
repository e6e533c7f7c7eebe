-- 1,000,000 synthetic cases over 2015–2024 for the reports benchmark, generated inside MariaDB with
-- the SEQUENCE engine; shaped like perf-baseline (origin 55/25/10/7/3, forms 55/25/15/5, ~1.05
-- victims, ~1.24 suspects and ~0.84 clients per case, nested chain stages). Deterministic: every
-- random draw is bench_u(seed) of a row id: a hash, because MariaDB's bench_u(seed) values for
-- neighbouring seeds are strongly correlated (a first load with RAND gave only 827 counter rows).
SET SESSION sql_log_bin = 0;
DROP FUNCTION IF EXISTS bench_u;
CREATE FUNCTION bench_u(x BIGINT) RETURNS DOUBLE DETERMINISTIC RETURN CONV(LEFT(MD5(x), 8), 16, 10) / 4294967296;
INSERT INTO organisation (code, name, type, police_unit, created_at) VALUES ('BENCH', 'Bench', 'POLICE', NULL, NOW(3));
SET @org = LAST_INSERT_ID();

CREATE TEMPORARY TABLE bench_muni (i INT PRIMARY KEY, code CHAR(6), unit VARCHAR(8), district VARCHAR(8), office VARCHAR(8));
INSERT INTO bench_muni SELECT ROW_NUMBER() OVER (ORDER BY m.cbs_code) - 1, m.cbs_code, m.police_unit, m.court_district, d.prosecution_office
  FROM ref_municipality m JOIN ref_court_district d ON d.code = m.court_district;
SET @munis = (SELECT COUNT(*) FROM bench_muni);

-- Draw each case's municipality first: bench_u() in a join condition would defeat the index lookup.
CREATE TEMPORARY TABLE bench_case (id INT PRIMARY KEY, mi INT NOT NULL)
SELECT seq AS id, FLOOR(POW(bench_u(seq * 13 + 5), 1.6) * @munis) AS mi FROM seq_1_to_1000000;

INSERT INTO case_file (id, owner_organisation_id, municipality_code, police_unit, court_district, prosecution_office, opened_on,
                       origin, team_type, suspect_count, network, status, version, created_at, created_by)
SELECT s.id, @org, m.code, m.unit, m.district, m.office,
       DATE_ADD('2015-01-01', INTERVAL FLOOR(POW(bench_u(s.id * 3 + 1), 0.8) * 3652) DAY),
       ELT(1 + (bench_u(s.id * 5 + 2) >= 0.55) + (bench_u(s.id * 5 + 2) >= 0.80) + (bench_u(s.id * 5 + 2) >= 0.90) + (bench_u(s.id * 5 + 2) >= 0.97),
           'AANGIFTE', 'AMBTSHALVE', 'SIGNAL', 'DIGITAL', 'DECOY'),
       IF(bench_u(s.id * 7 + 3) < 0.55 AND bench_u(s.id * 11 + 4) < 0.4, 'ZEDEN', 'AVIM'),
       1, FALSE, 'OPEN', 1, NOW(3), 'bench'
FROM bench_case s STRAIGHT_JOIN bench_muni m ON m.i = s.mi;

INSERT INTO case_exploitation_form (case_id, code)
SELECT id, IF(team_type = 'ZEDEN' OR bench_u(id * 7 + 3) < 0.55, 'SEXUAL',
              ELT(1 + (bench_u(id * 17 + 6) >= 0.55) + (bench_u(id * 17 + 6) >= 0.89), 'LABOUR', 'CRIMINAL', 'OTHER'))
FROM case_file;
INSERT IGNORE INTO case_exploitation_form (case_id, code) SELECT id, 'CRIMINAL' FROM case_file WHERE bench_u(id * 19 + 7) < 0.08;

-- Parties: j-th victim/suspect/client of a case exists when a per-case draw says so.
INSERT INTO party (case_id, kind, gender, age_verification_at_issue, version, created_at)
SELECT c.id, 'VICTIM', 'FEMALE', NULL, 1, NOW(3) FROM case_file c JOIN seq_0_to_1 j ON j.seq = 0 OR bench_u(c.id * 23 + 8) < 0.05;
INSERT INTO party (case_id, kind, gender, age_verification_at_issue, version, created_at)
SELECT c.id, 'SUSPECT', 'MALE', NULL, 1, NOW(3) FROM case_file c JOIN seq_0_to_3 j
  ON j.seq < FLOOR(bench_u(c.id * 29 + 9) * 3.48);
INSERT INTO party (case_id, kind, gender, age_verification_at_issue, version, created_at)
SELECT c.id, 'CLIENT', 'MALE', bench_u(c.id * 31 + j.seq) < 0.3, 1, NOW(3) FROM case_file c JOIN seq_0_to_3 j
  ON j.seq < FLOOR(bench_u(c.id * 37 + 10) * 2.68);

-- One uniform draw u per party makes the stages nested: every stage needs the ones before.
CREATE TEMPORARY TABLE bench_party (id BIGINT PRIMARY KEY, opened DATE, u DOUBLE, suspect BOOLEAN)
SELECT p.id, c.opened_on AS opened, bench_u(p.id * 41 + 11) AS u, p.kind = 'SUSPECT' AS suspect
FROM party p JOIN case_file c ON c.id = p.case_id WHERE p.kind <> 'VICTIM';

INSERT INTO chain_event (party_id, stage, occurred_on, created_at) SELECT id, 'IN_VIEW', opened + INTERVAL 10 DAY, NOW(3) FROM bench_party;
INSERT INTO chain_event (party_id, stage, occurred_on, created_at)
SELECT id, 'OM_INFLOW', opened + INTERVAL 60 DAY, NOW(3) FROM bench_party WHERE u < IF(suspect, 0.7, 0.2);
INSERT INTO chain_event (party_id, stage, occurred_on, decision, created_at)
SELECT id, 'OM_DECISION', opened + INTERVAL 120 DAY, IF(u < IF(suspect, 0.5, 0.08), 'SUMMONS', IF(u < IF(suspect, 0.6, 0.14), 'PENALTY_ORDER', 'SEPOT_POLICY')), NOW(3)
FROM bench_party WHERE u < IF(suspect, 0.7, 0.2) AND bench_u(id * 43 + 12) < 0.95 OR u < IF(suspect, 0.5, 0.08);
INSERT INTO chain_event (party_id, stage, occurred_on, verdict, created_at)
SELECT id, 'VERDICT', opened + INTERVAL 300 DAY, IF(u < IF(suspect, 0.4, 0.056), 'CONVICTION', 'ACQUITTAL'), NOW(3)
FROM bench_party WHERE u < IF(suspect, 0.46, 0.07);
INSERT INTO chain_event (party_id, stage, occurred_on, custody_unconditional_days, fine_euros, created_at)
SELECT id, 'SENTENCE', opened + INTERVAL 300 DAY, IF(u < IF(suspect, 0.2, 0.006), 180, NULL), IF(u < IF(suspect, 0.2, 0.006), NULL, 750), NOW(3)
FROM bench_party WHERE u < IF(suspect, 0.4, 0.056);
ANALYZE TABLE case_file, case_exploitation_form, party, chain_event;
