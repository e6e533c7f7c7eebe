-- Bulk import of partners' files (feature imports). A job holds the uploaded file's facts, who
-- started it (the background run acts for that caller, in that organisation's scope), its state and
-- progress, so that a page reload or another client sees the same job. Problems are kept per row
-- and column. import_reference maps an organisation's own reference to the record it created, so
-- that importing the same or a corrected file again updates and never duplicates.
CREATE TABLE import_job (
  id               BIGINT        NOT NULL AUTO_INCREMENT,
  organisation_id  BIGINT        NOT NULL,
  actor            VARCHAR(40)   NOT NULL,
  user_id          BIGINT        NULL,
  token_id         BIGINT        NULL,
  username         VARCHAR(100)  NULL,
  role             VARCHAR(20)   NOT NULL,
  police_unit      VARCHAR(8)    NULL,
  remote_address   VARCHAR(64)   NULL,
  file_name        VARCHAR(255)  NOT NULL,
  file_type        VARCHAR(8)    NOT NULL,
  file_path        VARCHAR(500)  NOT NULL,
  file_size        BIGINT        NOT NULL,
  file_sha256      CHAR(64)      NOT NULL,
  total_rows       INT           NOT NULL,
  status           VARCHAR(16)   NOT NULL,
  phase            VARCHAR(8)    NULL,
  commit_mode      VARCHAR(16)   NULL,
  rows_done        INT           NOT NULL DEFAULT 0,
  created_count    INT           NOT NULL DEFAULT 0,
  updated_count    INT           NOT NULL DEFAULT 0,
  unchanged_count  INT           NOT NULL DEFAULT 0,
  refused_count    INT           NOT NULL DEFAULT 0,
  refused_units    INT           NOT NULL DEFAULT 0,
  cancel_requested BOOLEAN       NOT NULL DEFAULT FALSE,
  failure_code     VARCHAR(60)   NULL,
  failure_detail   VARCHAR(500)  NULL,
  created_at       TIMESTAMP(3)  NOT NULL,
  started_at       TIMESTAMP(3)  NULL,
  finished_at      TIMESTAMP(3)  NULL,
  PRIMARY KEY (id),
  KEY ix_import_job_org (organisation_id, created_at),
  CONSTRAINT fk_import_job_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_problem (
  job_id       BIGINT         NOT NULL,
  row_no       INT            NOT NULL,
  seq          INT            NOT NULL,
  column_name  VARCHAR(60)    NULL,
  code         VARCHAR(80)    NOT NULL,
  rule_name    VARCHAR(80)    NULL,
  params       VARCHAR(1000)  NULL,
  message      VARCHAR(1000)  NOT NULL,
  PRIMARY KEY (job_id, row_no, seq),
  CONSTRAINT fk_import_problem_job FOREIGN KEY (job_id) REFERENCES import_job (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE import_reference (
  organisation_id  BIGINT        NOT NULL,
  record_type      VARCHAR(16)   NOT NULL,
  case_ref         VARCHAR(100)  NOT NULL,
  external_ref     VARCHAR(100)  NOT NULL,
  record_id        BIGINT        NOT NULL,
  case_id          BIGINT        NOT NULL,
  row_hash         CHAR(64)      NOT NULL,
  job_id           BIGINT        NULL,
  updated_at       TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (organisation_id, record_type, case_ref, external_ref),
  KEY ix_import_reference_case (case_id),
  -- A purged case takes its mappings with it (V1_24_0: dependent rows follow case_file).
  CONSTRAINT fk_import_reference_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
