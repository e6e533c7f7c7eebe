-- Cell-key perturbation of published counts (reports/stats/CellKeyPerturbation, README "Disclosure
-- control"). Every finest cell of the counters (one report_funnel row: unit, district, office, quarter,
-- origin, team and forms) gets a fixed secret key tk; a published cell's key is the sum of count x tk over
-- the rows it adds up, so the same cases always give the same key and the same noise, whichever table,
-- cut, export or indicator shows them. The secret stays in the database: whoever can read it can read the
-- counts anyway, and a rebuild computes the same keys as the writers.
CREATE TABLE report_key (
  id      TINYINT  NOT NULL,
  secret  CHAR(64) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;

INSERT INTO report_key (id, secret) VALUES (1, LOWER(HEX(RANDOM_BYTES(32))));

ALTER TABLE report_funnel ADD COLUMN tk BIGINT NOT NULL DEFAULT 0;
ALTER TABLE report_funnel_delta ADD COLUMN tk BIGINT NOT NULL DEFAULT 0;

UPDATE report_funnel f JOIN report_key k ON k.id = 1
   SET f.tk = CONV(LEFT(SHA2(CONCAT_WS('|', k.secret, f.police_unit, f.court_district, f.prosecution_office,
                                       f.year, f.quarter, f.origin, f.team_type, f.forms), 256), 8), 16, 10);
UPDATE report_funnel_delta f JOIN report_key k ON k.id = 1
   SET f.tk = CONV(LEFT(SHA2(CONCAT_WS('|', k.secret, f.police_unit, f.court_district, f.prosecution_office,
                                       f.year, f.quarter, f.origin, f.team_type, f.forms), 256), 8), 16, 10);

-- Measure 4's counters: a row's key is the key of the report_funnel row of its cases (municipality and age
-- group left out), so that victims counted by measure 4 and by measure 2 are one cell with one figure.
ALTER TABLE report_victim_count ADD COLUMN tk BIGINT NOT NULL DEFAULT 0;
UPDATE report_victim_count f JOIN report_key k ON k.id = 1
   SET f.tk = CONV(LEFT(SHA2(CONCAT_WS('|', k.secret, f.police_unit, f.court_district, f.prosecution_office,
                                       f.year, f.quarter, f.origin, f.team_type, f.forms), 256), 8), 16, 10);
