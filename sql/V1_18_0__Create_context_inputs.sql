-- Context per year (measure 7), kept by coordinators and administrators: capacity per police unit,
-- whether trafficking is a priority in a municipality's local safety plan, and programmes/pilots
-- that police units take part in and cases are tagged with. A current row carries its version (the
-- ETag) and who made it; every version, the current one included, is also in a *_history table, so
-- no change loses the value before it. Reports read the current rows only.
CREATE TABLE context_capacity (
  police_unit        VARCHAR(8)    NOT NULL,
  year               SMALLINT      NOT NULL,
  fte_avim           DECIMAL(7,2)  NOT NULL,
  fte_zeden          DECIMAL(7,2)  NOT NULL,
  fte_digital        DECIMAL(7,2)  NOT NULL,
  fte_psychologists  DECIMAL(7,2)  NOT NULL,
  version            BIGINT        NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (police_unit, year),
  KEY ix_capacity_year (year),
  CONSTRAINT fk_capacity_unit FOREIGN KEY (police_unit) REFERENCES ref_police_unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE context_capacity_history (
  police_unit        VARCHAR(8)    NOT NULL,
  year               SMALLINT      NOT NULL,
  version            BIGINT        NOT NULL,
  fte_avim           DECIMAL(7,2)  NOT NULL,
  fte_zeden          DECIMAL(7,2)  NOT NULL,
  fte_digital        DECIMAL(7,2)  NOT NULL,
  fte_psychologists  DECIMAL(7,2)  NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (police_unit, year, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE context_priority (
  municipality_code  CHAR(6)       NOT NULL,
  year               SMALLINT      NOT NULL,
  priority           BOOLEAN       NOT NULL,
  version            BIGINT        NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (municipality_code, year),
  KEY ix_priority_year (year, municipality_code, priority),
  CONSTRAINT fk_priority_municipality FOREIGN KEY (municipality_code) REFERENCES ref_municipality (cbs_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE context_priority_history (
  municipality_code  CHAR(6)       NOT NULL,
  year               SMALLINT      NOT NULL,
  version            BIGINT        NOT NULL,
  priority           BOOLEAN       NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (municipality_code, year, version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A programme or pilot (e.g. a proeftuin aangiftebereidheid): runs from starts_on through ends_on
-- (open-ended while NULL) in the police units of context_pilot_unit.
CREATE TABLE context_pilot (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  name               VARCHAR(200)  NOT NULL,
  starts_on          DATE          NOT NULL,
  ends_on            DATE          NULL,
  version            BIGINT        NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uq_pilot_name (name)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE context_pilot_unit (
  pilot_id           BIGINT        NOT NULL,
  police_unit        VARCHAR(8)    NOT NULL,
  PRIMARY KEY (pilot_id, police_unit),
  KEY ix_pilot_unit (police_unit),
  CONSTRAINT fk_pilot_unit_pilot FOREIGN KEY (pilot_id) REFERENCES context_pilot (id),
  CONSTRAINT fk_pilot_unit_unit FOREIGN KEY (police_unit) REFERENCES ref_police_unit (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- police_units: the version's units as a sorted, comma-separated list of codes.
CREATE TABLE context_pilot_history (
  pilot_id           BIGINT        NOT NULL,
  version            BIGINT        NOT NULL,
  name               VARCHAR(200)  NOT NULL,
  starts_on          DATE          NOT NULL,
  ends_on            DATE          NULL,
  police_units       VARCHAR(200)  NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (pilot_id, version),
  CONSTRAINT fk_pilot_history_pilot FOREIGN KEY (pilot_id) REFERENCES context_pilot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A case tagged with a pilot (current tags), and every tagging and untagging with who and when. A
-- purged case takes its tags and their history with it.
CREATE TABLE case_pilot (
  case_id            BIGINT        NOT NULL,
  pilot_id           BIGINT        NOT NULL,
  tagged_by          VARCHAR(40)   NOT NULL,
  tagged_at          TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (case_id, pilot_id),
  KEY ix_case_pilot_pilot (pilot_id, case_id),
  CONSTRAINT fk_case_pilot_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
  CONSTRAINT fk_case_pilot_pilot FOREIGN KEY (pilot_id) REFERENCES context_pilot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE case_pilot_history (
  id                 BIGINT        NOT NULL AUTO_INCREMENT,
  case_id            BIGINT        NOT NULL,
  pilot_id           BIGINT        NOT NULL,
  tagged             BOOLEAN       NOT NULL,
  changed_by         VARCHAR(40)   NOT NULL,
  changed_at         TIMESTAMP(3)  NOT NULL,
  PRIMARY KEY (id),
  KEY ix_case_pilot_history_case (case_id),
  CONSTRAINT fk_case_pilot_history_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE,
  CONSTRAINT fk_case_pilot_history_pilot FOREIGN KEY (pilot_id) REFERENCES context_pilot (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
