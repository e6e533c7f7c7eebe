-- Maintained report aggregates. report_case_fact holds, per case, the contribution last added to
-- report_funnel; a writer recomputes the case's contribution inside its own transaction and moves
-- the difference into the counters, so a reader never sees counters that disagree with the base
-- tables. report_party_fact holds the dated chain stages of each suspect and client for the
-- Kaplan–Meier throughput reports. No identity fields: only region, period and codes.
CREATE TABLE report_case_fact (
  case_id             BIGINT       NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  victims             INT NOT NULL, suspects     INT NOT NULL, s_in_view    INT NOT NULL,
  s_om_inflow         INT NOT NULL, s_summons    INT NOT NULL, s_conviction INT NOT NULL,
  s_custody           INT NOT NULL, clients      INT NOT NULL, c_om_inflow  INT NOT NULL,
  c_summons           INT NOT NULL, c_conviction INT NOT NULL, c_custody    INT NOT NULL,
  c_age_check         INT NOT NULL,
  PRIMARY KEY (case_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per combination of the whitelisted dimensions. forms is the case's sorted set of
-- exploitation forms, so every case counts once and a form filter is FIND_IN_SET on few rows.
CREATE TABLE report_funnel (
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  cases               BIGINT NOT NULL, victims      BIGINT NOT NULL, suspects     BIGINT NOT NULL,
  s_in_view           BIGINT NOT NULL, s_om_inflow  BIGINT NOT NULL, s_summons    BIGINT NOT NULL,
  s_conviction        BIGINT NOT NULL, s_custody    BIGINT NOT NULL, clients      BIGINT NOT NULL,
  c_om_inflow         BIGINT NOT NULL, c_summons    BIGINT NOT NULL, c_conviction BIGINT NOT NULL,
  c_custody           BIGINT NOT NULL, c_age_check  BIGINT NOT NULL,
  PRIMARY KEY (year, quarter, police_unit, court_district, prosecution_office, origin, team_type, forms)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_party_fact (
  party_id            BIGINT       NOT NULL,
  case_id             BIGINT       NOT NULL,
  kind                VARCHAR(8)   NOT NULL,
  police_unit         VARCHAR(8)   NOT NULL,
  court_district      VARCHAR(8)   NOT NULL,
  prosecution_office  VARCHAR(8)   NOT NULL,
  year                SMALLINT     NOT NULL,
  quarter             TINYINT      NOT NULL,
  origin              VARCHAR(12)  NOT NULL,
  team_type           VARCHAR(8)   NOT NULL,
  forms               VARCHAR(200) NOT NULL,
  in_view_on          DATE NULL,
  om_inflow_on        DATE NULL,
  decision_on         DATE NULL,
  decision            VARCHAR(20) NULL,
  verdict_on          DATE NULL,
  PRIMARY KEY (party_id),
  KEY ix_rpf_case (case_id),
  KEY ix_rpf_report (kind, year, quarter, police_unit)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
