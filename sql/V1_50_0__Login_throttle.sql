-- Failed logins counted in the database instead of in each node's memory (issue 19): behind HAProxy
-- a guesser's attempts land on every node, and each node counting only its own share would let
-- N nodes allow N times the failures. Subjects are SHA-256 hashes: a typed account name may be a
-- password typed in the wrong box, and it is not kept in the clear. Times are epoch milliseconds of
-- the nodes' clocks (security/LoginThrottle; windows of minutes, far above the nodes' clock skew).
CREATE TABLE login_throttle (
  kind      VARCHAR(7) NOT NULL,
  subject   CHAR(64)   NOT NULL,
  first_ms  BIGINT     NOT NULL,
  last_ms   BIGINT     NOT NULL,
  failures  INT        NOT NULL,
  PRIMARY KEY (kind, subject),
  KEY ix_login_throttle_last (last_ms)
) ENGINE=InnoDB;
