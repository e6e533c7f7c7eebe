-- The guard between the incremental maintenance of the report tables and a rebuild that fills shadow
-- copies of them on parallel connections and swaps them in with one RENAME TABLE
-- (reports/aggregates/RebuildGuard, AggregateRebuild#swap). Writers lock its one row in share mode
-- before they touch a report table, the rebuild locks it exclusively until the swap is done.
CREATE TABLE report_rebuild_guard (
  id  TINYINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;

INSERT INTO report_rebuild_guard (id) VALUES (1);
