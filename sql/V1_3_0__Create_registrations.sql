-- Registrations (registraties): each partner organisation registers the victims it meets, whether or
-- not a case exists. Identifying data never reach the database: only the four HMAC linkage keys
-- (one per variant; see nl.ketenzicht.linkage.KeyVariant). Codes and keys are ASCII, so that the
-- indexes hold 1 byte per character instead of 4: the overlap index is a third of its utf8mb4 size.
--
-- person_id is the person a registration belongs to after linkage (union-find over the variants),
-- maintained at insert and on deletion, so that the overlap table is one index scan and GROUP BY.
-- match_quality says through which variant the registration joined an earlier one (NEW: it did not).
-- organisation_type is the list the registration counts on, copied at registration time so that
-- renaming or re-typing an organisation later does not move earlier registrations between lists.
CREATE TABLE registration (
  id                  BIGINT       NOT NULL AUTO_INCREMENT,
  organisation_id     BIGINT       NOT NULL,
  organisation_type   VARCHAR(20)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  registered_on       DATE         NOT NULL,
  municipality_code   CHAR(6)      NOT NULL,
  police_unit         VARCHAR(8)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_full            CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_no_first_name   CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_no_family_name  CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_birth_year      CHAR(64)     CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  person_id           BIGINT       NOT NULL,
  match_quality       VARCHAR(16)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  case_id             BIGINT       NULL,
  version             BIGINT       NOT NULL,
  created_at          TIMESTAMP(3) NOT NULL,
  created_by          VARCHAR(40)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_registration_full (key_full),
  KEY ix_registration_no_first (key_no_first_name),
  KEY ix_registration_no_family (key_no_family_name),
  KEY ix_registration_birth_year (key_birth_year),
  -- The overlap query reads only this index, in person order, so GROUP BY person_id needs no sort.
  KEY ix_registration_overlap (person_id, registered_on, police_unit, organisation_type, organisation_id, match_quality),
  KEY ix_registration_owner (organisation_id, registered_on),
  CONSTRAINT fk_registration_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id),
  CONSTRAINT fk_registration_municipality FOREIGN KEY (municipality_code) REFERENCES ref_municipality (cbs_code),
  CONSTRAINT fk_registration_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row whose lock serialises linkage: two partners registering the same person at the same
-- moment must not both create a new person.
CREATE TABLE linkage_lock (
  id  TINYINT NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB;
INSERT INTO linkage_lock (id) VALUES (1);
