-- Narrow per-subject facts for measures 4 (victims), 5 (runaways) and 6 (care), kept equal to the
-- base tables inside the writer's transaction (reports/aggregates/VictimFacts). Each row carries the
-- case's region, period dimensions and the victim's age group, so a report reads one indexed table
-- and never joins the base tables. No identity fields: only region, period, codes and dates.
-- Periods: victims by the quarter their case was opened, episodes by missing_since, referrals by referred_on.
CREATE TABLE report_victim_fact (
  party_id            BIGINT       NOT NULL,
  case_id             BIGINT       NOT NULL,
  municipality        CHAR(6)      NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  age_group           VARCHAR(12)  NOT NULL,
  aangifte_made       BOOLEAN      NOT NULL,
  declined            BOOLEAN      NOT NULL,
  hearing             VARCHAR(20)  NOT NULL,
  channel             VARCHAR(40)  NOT NULL,
  reasons             VARCHAR(400) NOT NULL,
  vulnerabilities     VARCHAR(400) NOT NULL,
  PRIMARY KEY (party_id),
  KEY ix_rvf_case (case_id),
  KEY ix_rvf_period (year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_runaway_fact (
  episode_id          BIGINT       NOT NULL,
  victim_id           BIGINT       NOT NULL,
  municipality        CHAR(6)      NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  age_group           VARCHAR(12)  NOT NULL,
  institution_type    VARCHAR(40)  NOT NULL,
  missing_since       DATE         NOT NULL,
  reported_on         DATE         NULL,
  found_on            DATE         NULL,
  victimised          BOOLEAN      NOT NULL,
  PRIMARY KEY (episode_id),
  KEY ix_rrf_victim (victim_id),
  KEY ix_rrf_period (year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_care_fact (
  referral_id         BIGINT       NOT NULL,
  victim_id           BIGINT       NOT NULL,
  municipality        CHAR(6)      NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  age_group           VARCHAR(12)  NOT NULL,
  care_type           VARCHAR(40)  NOT NULL,
  referred_on         DATE         NOT NULL,
  started_on          DATE         NULL,
  PRIMARY KEY (referral_id),
  KEY ix_rcf_victim (victim_id),
  KEY ix_rcf_period (year, quarter)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
