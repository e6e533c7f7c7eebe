-- Maintained counters for measure 4 (victims), kept equal to report_victim_fact inside the writer's
-- transaction (reports/aggregates/VictimCounts), so the report reads a few counter rows instead of
-- grouping one fact row per victim. Keyed by the cut (region columns, period, origin, team, forms,
-- age group) and one breakdown value: every victim counts once under HEARING (its hearing) and once
-- under CHANNEL (its recruitment channel), and once under MARKER per vulnerability (NONE without any)
-- and under REASON per reason for not reporting, so the multi-valued columns become one row per value.
-- Rows that fall to zero stay. No identity fields.
CREATE TABLE report_victim_count (
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  municipality        CHAR(6)      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  age_group           VARCHAR(12)  NOT NULL,
  breakdown           VARCHAR(8)   NOT NULL,
  code                VARCHAR(40)  NOT NULL,
  victims             BIGINT       NOT NULL,
  aangifte_made       BIGINT       NOT NULL,
  declined            BIGINT       NOT NULL,
  PRIMARY KEY (year, quarter, police_unit, court_district, prosecution_office, municipality, origin, team_type, forms,
               age_group, breakdown, code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The counters of the facts already there (the same statement as AggregateRebuild's).
INSERT INTO report_victim_count
SELECT year, quarter, police_unit, court_district, prosecution_office, municipality, origin, team_type, forms, age_group,
       breakdown, code, COUNT(*), SUM(aangifte_made), SUM(declined)
FROM (SELECT f.*, 'HEARING' AS breakdown, f.hearing AS code FROM report_victim_fact f
      UNION ALL SELECT f.*, 'CHANNEL', f.channel FROM report_victim_fact f
      UNION ALL SELECT f.*, 'MARKER', j.code FROM report_victim_fact f,
          JSON_TABLE(CONCAT('["', REPLACE(IF(f.vulnerabilities = '', 'NONE', f.vulnerabilities), ',', '","'), '"]'),
                     '$[*]' COLUMNS (code VARCHAR(40) PATH '$')) j
      UNION ALL SELECT f.*, 'REASON', j.code FROM report_victim_fact f,
          JSON_TABLE(CONCAT('["', REPLACE(f.reasons, ',', '","'), '"]'), '$[*]' COLUMNS (code VARCHAR(40) PATH '$')) j
          WHERE f.reasons <> '') x
GROUP BY year, quarter, police_unit, court_district, prosecution_office, municipality, origin, team_type, forms, age_group,
         breakdown, code;
