-- Organisations, their users, sessions, API tokens and recovery codes.
CREATE TABLE organisation (
  id            BIGINT       NOT NULL AUTO_INCREMENT,
  code          VARCHAR(40)  NOT NULL,
  name          VARCHAR(200) NOT NULL,
  type          VARCHAR(20)  NOT NULL,
  police_unit   VARCHAR(8)   NULL,
  enabled       BOOLEAN      NOT NULL DEFAULT TRUE,
  version       BIGINT       NOT NULL DEFAULT 1,
  created_at    TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_organisation_code (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_account (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  username         VARCHAR(80)  NOT NULL,
  password_hash    VARCHAR(400) NOT NULL,
  role             VARCHAR(20)  NOT NULL,
  organisation_id  BIGINT       NOT NULL,
  police_unit      VARCHAR(8)   NULL,
  enabled          BOOLEAN      NOT NULL DEFAULT TRUE,
  totp_secret      VARCHAR(64)  NULL,
  totp_confirmed   BOOLEAN      NOT NULL DEFAULT FALSE,
  totp_last_step   BIGINT       NOT NULL DEFAULT 0,
  version          BIGINT       NOT NULL DEFAULT 1,
  created_at       TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_user_username (username),
  CONSTRAINT fk_user_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE recovery_code (
  id         BIGINT       NOT NULL AUTO_INCREMENT,
  user_id    BIGINT       NOT NULL,
  code_hash  CHAR(64)     NOT NULL,
  used_at    TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  KEY ix_recovery_user (user_id),
  CONSTRAINT fk_recovery_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A session row is keyed by the SHA-256 of the cookie value, so a database reader cannot hijack it.
CREATE TABLE user_session (
  id_hash        CHAR(64)     NOT NULL,
  user_id        BIGINT       NOT NULL,
  stage          VARCHAR(20)  NOT NULL,
  csrf_token     CHAR(43)     NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL,
  last_seen_at   TIMESTAMP(3) NOT NULL,
  ended_at       TIMESTAMP(3) NULL,
  PRIMARY KEY (id_hash),
  KEY ix_session_user (user_id),
  CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE api_token (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  organisation_id  BIGINT       NOT NULL,
  name             VARCHAR(120) NOT NULL,
  token_hash       CHAR(64)     NOT NULL,
  created_at       TIMESTAMP(3) NOT NULL,
  created_by       BIGINT       NOT NULL,
  revoked_at       TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_token_hash (token_hash),
  CONSTRAINT fk_token_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
