-- A journal of the runs of background work under a lease (issue 19, acceptance 3), written only when
-- ketenzicht.leases.journal is true (the cluster benchmark sets it; production leaves it off). Two runs of
-- one lease by different holders whose intervals overlap would mean the work ran twice at once.
-- Times are the database's, like the leases' expiry, so the nodes' clocks need not agree.
CREATE TABLE singleton_run (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(40)  NOT NULL,
  holder      VARCHAR(120) NOT NULL,
  started_at  DATETIME(6)  NOT NULL,
  ended_at    DATETIME(6)  NULL,
  PRIMARY KEY (id),
  KEY ix_singleton_run_name (name, started_at)
) ENGINE=InnoDB;
