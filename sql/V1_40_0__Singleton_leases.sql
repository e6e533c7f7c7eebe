-- Background work that must run on one node at a time in a cluster (issue 19): sealing the access
-- log, folding the report counter deltas and the retention purge. A node runs such a step only while
-- it holds the step's lease; it renews the lease at every run, and a node that dies or stalls loses it
-- after the term (shared/Leases), so another node takes over. fence counts the changes of holder.
CREATE TABLE singleton_lease (
  name        VARCHAR(40)  NOT NULL,
  holder      VARCHAR(120) NULL,
  expires_at  DATETIME(6)  NOT NULL,
  fence       BIGINT       NOT NULL DEFAULT 0,
  PRIMARY KEY (name)
) ENGINE=InnoDB;

INSERT INTO singleton_lease (name, holder, expires_at) VALUES
  ('audit-sealer', NULL, '1970-01-01 00:00:00'),
  ('counter-folder', NULL, '1970-01-01 00:00:00'),
  ('retention', NULL, '1970-01-01 00:00:00');
