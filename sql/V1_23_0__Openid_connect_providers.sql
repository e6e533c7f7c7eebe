-- OpenID Connect login per organisation (issue 20). One provider per organisation; the client
-- secret is not here: it lives in the configuration under the name in client_secret_name, like the
-- database passwords and the linkage secret.
CREATE TABLE oidc_provider (
  organisation_id          BIGINT        NOT NULL,
  issuer                   VARCHAR(400)  NOT NULL,
  client_id                VARCHAR(200)  NOT NULL,
  client_secret_name       VARCHAR(40)   NOT NULL,
  email_domains            VARCHAR(1000) NULL,
  organisation_claim       VARCHAR(100)  NULL,
  organisation_claim_value VARCHAR(200)  NULL,
  role_claim               VARCHAR(100)  NULL,
  role_mapping             VARCHAR(2000) NULL,
  fixed_role               VARCHAR(20)   NULL,
  just_in_time             BOOLEAN       NOT NULL DEFAULT FALSE,
  second_factor            VARCHAR(20)   NOT NULL,
  mfa_acr_values           VARCHAR(500)  NULL,
  enabled                  BOOLEAN       NOT NULL DEFAULT TRUE,
  version                  BIGINT        NOT NULL DEFAULT 1,
  updated_at               TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (organisation_id),
  CONSTRAINT fk_oidc_provider_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Which provider account a user is: SHA-256 of issuer and subject, so the pair is unique at any length.
CREATE TABLE oidc_identity (
  user_id        BIGINT       NOT NULL,
  identity_hash  CHAR(64)     NOT NULL,
  issuer         VARCHAR(400) NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (user_id),
  UNIQUE KEY uk_oidc_identity (identity_hash),
  CONSTRAINT fk_oidc_identity_user FOREIGN KEY (user_id) REFERENCES user_account (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A login under way at a provider: state (by its hash), nonce and PKCE verifier, bound to the browser
-- that started it. Used once: used_at is set when the provider's answer comes back.
CREATE TABLE oidc_login (
  state_hash       CHAR(64)     NOT NULL,
  browser_hash     CHAR(64)     NOT NULL,
  organisation_id  BIGINT       NOT NULL,
  nonce            VARCHAR(64)  NOT NULL,
  code_verifier    VARCHAR(128) NOT NULL,
  created_at       TIMESTAMP(3) NOT NULL,
  used_at          TIMESTAMP(3) NULL,
  PRIMARY KEY (state_hash),
  KEY ix_oidc_login_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- A session opened through a provider: which one, and the ID token for RP-initiated logout.
ALTER TABLE user_session
  ADD COLUMN oidc_organisation_id BIGINT NULL,
  ADD COLUMN oidc_id_token TEXT NULL;
