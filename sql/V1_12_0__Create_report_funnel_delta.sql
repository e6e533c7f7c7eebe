-- Changes to report_funnel, appended by writers instead of added in place. Every case created in a
-- quarter of one police unit, origin and team counts in the same report_funnel row; with the counters
-- updated in place, concurrent writers queued for that row's lock until each one's commit. A writer now
-- only inserts its difference here (no shared row, no lock wait); a background step folds batches of
-- deltas into report_funnel and deletes them in one transaction, and readers sum report_funnel and the
-- deltas in one statement, so they never see a change twice or miss one (reports/aggregates/Counters).
CREATE TABLE report_funnel_delta (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
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
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
