-- NEN 7513 access log. Rows are only ever inserted; the application user gets no UPDATE or DELETE
-- (see R__Grant_application_user.sql). The hash chain lives in access_log_seal, written in commit
-- order by one sealer, so concurrent writers never contend for a chain head.
CREATE TABLE access_log (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  occurred_at      TIMESTAMP(3)  NOT NULL,
  actor            VARCHAR(40)   NOT NULL,
  username         VARCHAR(80)   NULL,
  role             VARCHAR(20)   NULL,
  organisation_id  BIGINT        NULL,
  on_behalf_of     VARCHAR(120)  NULL,
  action           VARCHAR(20)   NOT NULL,
  crud             CHAR(1)       NOT NULL,
  object_type      VARCHAR(40)   NOT NULL,
  object_ids       TEXT          NULL,
  subject_ids      TEXT          NULL,
  outcome          VARCHAR(20)   NOT NULL,
  access_point     VARCHAR(64)   NULL,
  purpose          VARCHAR(500)  NULL,
  break_glass      BOOLEAN       NOT NULL DEFAULT FALSE,
  correlation_id   VARCHAR(64)   NULL,
  PRIMARY KEY (id),
  KEY ix_log_time (occurred_at),
  KEY ix_log_actor (actor, occurred_at),
  KEY ix_log_org (organisation_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Lookup of the entries that touched a data subject (a victim); insert-only like the log itself.
CREATE TABLE access_log_subject (
  entry_id    BIGINT NOT NULL,
  subject_id  BIGINT NOT NULL,
  PRIMARY KEY (subject_id, entry_id)
) ENGINE=InnoDB;

-- seq is gapless; hash = SHA-256(canonical(entry) || previous hash).
CREATE TABLE access_log_seal (
  seq        BIGINT       NOT NULL,
  entry_id   BIGINT       NOT NULL,
  hash       CHAR(64)     NOT NULL,
  sealed_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (seq),
  UNIQUE KEY uk_seal_entry (entry_id)
) ENGINE=InnoDB;
