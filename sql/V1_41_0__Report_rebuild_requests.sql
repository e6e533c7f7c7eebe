-- A standing request to rebuild the report aggregates from the base tables (reports/aggregates/RebuildRequests).
-- A large import commits its chunks without maintaining the aggregates and rebuilds them once at the end;
-- it files its request before the first chunk commits and withdraws it after the rebuild, so that a rebuild
-- that failed, or a server that stopped in between, leaves the request behind and the next start rebuilds.
CREATE TABLE report_rebuild_request (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  reason        VARCHAR(200) NOT NULL,
  requested_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
