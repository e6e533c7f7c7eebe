-- The chain: cases, parties (victims, suspects, clients), aangifte history, proceedings, runaway
-- episodes and care referrals. Identifying data are kept apart in party_reference and never read
-- by reports. Region columns of a case are derived from its municipality when it is written.
CREATE TABLE case_file (
  id                          BIGINT       NOT NULL AUTO_INCREMENT,
  owner_organisation_id       BIGINT       NOT NULL,
  municipality_code           CHAR(6)      NOT NULL,
  police_unit                 VARCHAR(8)   NOT NULL,
  court_district              VARCHAR(8)   NOT NULL,
  prosecution_office          VARCHAR(8)   NOT NULL,
  opened_on                   DATE         NOT NULL,
  origin                      VARCHAR(12)  NOT NULL,
  signalling_organisation_id  BIGINT       NULL,
  team_type                   VARCHAR(8)   NOT NULL,
  suspect_count               INT          NOT NULL,
  network                     BOOLEAN      NOT NULL,
  status                      VARCHAR(8)   NOT NULL,
  closed_on                   DATE         NULL,
  closing_reason              VARCHAR(40)  NULL,
  version                     BIGINT       NOT NULL,
  created_at                  TIMESTAMP(3) NOT NULL,
  created_by                  VARCHAR(40)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_case_owner (owner_organisation_id, opened_on),
  KEY ix_case_region (municipality_code, opened_on, origin, team_type),
  KEY ix_case_unit (police_unit, opened_on),
  CONSTRAINT fk_case_owner FOREIGN KEY (owner_organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_case_signaller FOREIGN KEY (signalling_organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_case_municipality FOREIGN KEY (municipality_code) REFERENCES ref_municipality (cbs_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_exploitation_form (
  case_id  BIGINT      NOT NULL,
  code     VARCHAR(40) NOT NULL,
  PRIMARY KEY (case_id, code),
  CONSTRAINT fk_cef_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB;

CREATE TABLE case_investigation_method (
  case_id  BIGINT      NOT NULL,
  code     VARCHAR(40) NOT NULL,
  PRIMARY KEY (case_id, code),
  CONSTRAINT fk_cim_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB;

CREATE TABLE case_share (
  id               BIGINT       NOT NULL AUTO_INCREMENT,
  case_id          BIGINT       NOT NULL,
  organisation_id  BIGINT       NOT NULL,
  purpose          VARCHAR(500) NOT NULL,
  granted_at       TIMESTAMP(3) NOT NULL,
  granted_by       VARCHAR(40)  NOT NULL,
  revoked_at       TIMESTAMP(3) NULL,
  PRIMARY KEY (id),
  KEY ix_share_grantee (organisation_id, revoked_at, case_id),
  KEY ix_share_case (case_id),
  CONSTRAINT fk_share_case FOREIGN KEY (case_id) REFERENCES case_file (id),
  CONSTRAINT fk_share_org FOREIGN KEY (organisation_id) REFERENCES organisation (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE party (
  id                         BIGINT       NOT NULL AUTO_INCREMENT,
  case_id                    BIGINT       NOT NULL,
  kind                       VARCHAR(8)   NOT NULL,
  birth_year                 INT          NULL,
  birth_month                INT          NULL,
  gender                     VARCHAR(8)   NOT NULL,
  nationality                VARCHAR(40)  NULL,
  recruitment_channel        VARCHAR(40)  NULL,
  exploitation_started_on    DATE         NULL,
  estimated_client_count     INT          NULL,
  consent_to_share           BOOLEAN      NULL,
  aangifte_status            VARCHAR(24)  NULL,
  role_code                  VARCHAR(40)  NULL,
  contact_count              INT          NULL,
  age_verification_at_issue  BOOLEAN      NULL,
  version                    BIGINT       NOT NULL,
  created_at                 TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_party_case (case_id, kind),
  CONSTRAINT fk_party_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A partner's own reference for a person, where it must keep one: apart, never in aggregates.
CREATE TABLE party_reference (
  party_id           BIGINT       NOT NULL,
  partner_reference  VARCHAR(100) NOT NULL,
  PRIMARY KEY (party_id),
  CONSTRAINT fk_ref_party FOREIGN KEY (party_id) REFERENCES party (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE victim_vulnerability (
  party_id  BIGINT      NOT NULL,
  code      VARCHAR(40) NOT NULL,
  PRIMARY KEY (party_id, code),
  CONSTRAINT fk_vuln_party FOREIGN KEY (party_id) REFERENCES party (id)
) ENGINE=InnoDB;

CREATE TABLE party_link (
  offender_id  BIGINT NOT NULL,
  victim_id    BIGINT NOT NULL,
  PRIMARY KEY (offender_id, victim_id),
  KEY ix_link_victim (victim_id),
  CONSTRAINT fk_link_offender FOREIGN KEY (offender_id) REFERENCES party (id),
  CONSTRAINT fk_link_victim FOREIGN KEY (victim_id) REFERENCES party (id)
) ENGINE=InnoDB;

CREATE TABLE aangifte_event (
  id                    BIGINT      NOT NULL AUTO_INCREMENT,
  victim_id             BIGINT      NOT NULL,
  type                  VARCHAR(24) NOT NULL,
  occurred_on           DATE        NOT NULL,
  trauma_studio         BOOLEAN     NOT NULL,
  psychologist_advised  VARCHAR(8)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_aangifte_victim (victim_id),
  CONSTRAINT fk_aangifte_victim FOREIGN KEY (victim_id) REFERENCES party (id)
) ENGINE=InnoDB;

CREATE TABLE aangifte_reason (
  event_id  BIGINT      NOT NULL,
  code      VARCHAR(40) NOT NULL,
  PRIMARY KEY (event_id, code),
  CONSTRAINT fk_reason_event FOREIGN KEY (event_id) REFERENCES aangifte_event (id)
) ENGINE=InnoDB;

CREATE TABLE chain_event (
  id                           BIGINT       NOT NULL AUTO_INCREMENT,
  party_id                     BIGINT       NOT NULL,
  stage                        VARCHAR(12)  NOT NULL,
  occurred_on                  DATE         NOT NULL,
  decision                     VARCHAR(20)  NULL,
  verdict                      VARCHAR(12)  NULL,
  custody_unconditional_days   INT          NULL,
  custody_conditional_days     INT          NULL,
  community_service_hours      INT          NULL,
  fine_euros                   INT          NULL,
  measure                      VARCHAR(40)  NULL,
  created_at                   TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_chain_party (party_id, stage),
  CONSTRAINT fk_chain_party FOREIGN KEY (party_id) REFERENCES party (id)
) ENGINE=InnoDB;

CREATE TABLE charge (
  id            BIGINT      NOT NULL AUTO_INCREMENT,
  party_id      BIGINT      NOT NULL,
  article       VARCHAR(10) NOT NULL,
  law_version   VARCHAR(10) NOT NULL,
  offence_date  DATE        NOT NULL,
  PRIMARY KEY (id),
  KEY ix_charge_party (party_id),
  CONSTRAINT fk_charge_party FOREIGN KEY (party_id) REFERENCES party (id),
  CONSTRAINT fk_charge_article FOREIGN KEY (article, law_version) REFERENCES ref_article (article, law_version)
) ENGINE=InnoDB;

CREATE TABLE runaway_episode (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  victim_id           BIGINT       NOT NULL,
  institution_type    VARCHAR(40)  NOT NULL,
  missing_since       DATE         NOT NULL,
  reported_on         DATE         NULL,
  found_on            DATE         NULL,
  victimised_during   BOOLEAN      NULL,
  version             BIGINT       NOT NULL,
  PRIMARY KEY (id),
  KEY ix_runaway_victim (victim_id),
  CONSTRAINT fk_runaway_victim FOREIGN KEY (victim_id) REFERENCES party (id)
) ENGINE=InnoDB;

CREATE TABLE care_referral (
  id           BIGINT      NOT NULL AUTO_INCREMENT,
  victim_id    BIGINT      NOT NULL,
  care_type    VARCHAR(40) NOT NULL,
  referred_on  DATE        NOT NULL,
  started_on   DATE        NULL,
  ended_on     DATE        NULL,
  version      BIGINT      NOT NULL,
  PRIMARY KEY (id),
  KEY ix_care_victim (victim_id),
  CONSTRAINT fk_care_victim FOREIGN KEY (victim_id) REFERENCES party (id)
) ENGINE=InnoDB;

-- Replays of a POST with the same Idempotency-Key return the stored first answer.
CREATE TABLE idempotency_key (
  actor          VARCHAR(40)  NOT NULL,
  idem_key       VARCHAR(100) NOT NULL,
  request_hash   CHAR(64)     NOT NULL,
  status         INT          NOT NULL,
  location       VARCHAR(200) NULL,
  etag           VARCHAR(40)  NULL,
  body           MEDIUMTEXT   NOT NULL,
  created_at     TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (actor, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
