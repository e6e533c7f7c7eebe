-- Maintained overlap counts, so that the dark-number overlap table for partner-type lists is read
-- from a few hundred rows instead of grouping every registration by person (1M registrations: ~3 s
-- even for a bare index scan on a busy 2-core machine).
--
-- A person's presence in a period and region is a bit mask over the organisation types
-- (bit i = the i-th type of OverlapCounts.TYPES: POLICE, OM, CARE, YOUTH_CARE, NATIONAL, KMAR,
-- INSPECTORATE, OTHER; append-only). overlap_count holds the number of persons per mask for every
-- year (period_quarter 0) and quarter (1–4), per police unit and for the whole country
-- (police_unit ''). registration_count holds the registrations per type and match quality, for
-- the "how matches were made" table. Both are kept up to date in the transaction that registers or
-- withdraws a registration (see OverlapCounts): the affected persons' contributions are subtracted
-- before and added after the change, under the linkage lock.
CREATE TABLE overlap_count (
  period_year     SMALLINT     NOT NULL,
  period_quarter  TINYINT      NOT NULL,
  police_unit     VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  type_mask       TINYINT UNSIGNED NOT NULL,
  persons         INT          NOT NULL,
  PRIMARY KEY (period_year, period_quarter, police_unit, type_mask)
) ENGINE=InnoDB;

CREATE TABLE registration_count (
  period_year        SMALLINT     NOT NULL,
  period_quarter     TINYINT      NOT NULL,
  police_unit        VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  organisation_type  VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  match_quality      VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  registrations      INT          NOT NULL,
  PRIMARY KEY (period_year, period_quarter, police_unit, organisation_type, match_quality)
) ENGINE=InnoDB;

-- The registrations made before this migration.
INSERT INTO overlap_count (period_year, period_quarter, police_unit, type_mask, persons)
SELECT period_year, period_quarter, police_unit, type_mask, COUNT(*) FROM (
  SELECT YEAR(r.registered_on) AS period_year, g.by_quarter * QUARTER(r.registered_on) AS period_quarter,
         IF(g.by_unit = 1, r.police_unit, '') AS police_unit,
         BIT_OR(1 << (FIELD(r.organisation_type, 'POLICE', 'OM', 'CARE', 'YOUTH_CARE', 'NATIONAL', 'KMAR', 'INSPECTORATE', 'OTHER') - 1)) AS type_mask
  FROM registration r
  JOIN (SELECT 0 AS by_quarter, 0 AS by_unit UNION ALL SELECT 0, 1 UNION ALL SELECT 1, 0 UNION ALL SELECT 1, 1) g
  GROUP BY r.person_id, 1, 2, 3) p
GROUP BY period_year, period_quarter, police_unit, type_mask;

INSERT INTO registration_count (period_year, period_quarter, police_unit, organisation_type, match_quality, registrations)
SELECT YEAR(r.registered_on), g.by_quarter * QUARTER(r.registered_on), IF(g.by_unit = 1, r.police_unit, ''),
       r.organisation_type, r.match_quality, COUNT(*)
FROM registration r
JOIN (SELECT 0 AS by_quarter, 0 AS by_unit UNION ALL SELECT 0, 1 UNION ALL SELECT 1, 0 UNION ALL SELECT 1, 1) g
GROUP BY 1, 2, 3, 4, 5;
