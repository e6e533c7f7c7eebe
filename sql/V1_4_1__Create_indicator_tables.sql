-- Indicators that coordinators define over the maintained report counters (a counter and optional
-- filters), and their targets per year, nationally (police_unit '') or for one police unit.
CREATE TABLE indicator (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  name        VARCHAR(200) NOT NULL,
  metric      VARCHAR(20)  NOT NULL,
  origin      VARCHAR(12)  NULL,
  form        VARCHAR(40)  NULL,
  team_type   VARCHAR(8)   NULL,
  created_by  VARCHAR(40)  NOT NULL,
  created_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE indicator_target (
  indicator_id  BIGINT      NOT NULL,
  year          SMALLINT    NOT NULL,
  police_unit   VARCHAR(8)  NOT NULL,
  target        BIGINT      NOT NULL,
  PRIMARY KEY (indicator_id, year, police_unit),
  CONSTRAINT fk_target_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
