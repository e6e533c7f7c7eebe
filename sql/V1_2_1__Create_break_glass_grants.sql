-- Break-glass: a user opens a case outside their scope, with a stated reason, for a limited time.
CREATE TABLE break_glass (
  id          BIGINT       NOT NULL AUTO_INCREMENT,
  user_id     BIGINT       NOT NULL,
  case_id     BIGINT       NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  granted_at  TIMESTAMP(3) NOT NULL,
  expires_at  TIMESTAMP(3) NOT NULL,
  PRIMARY KEY (id),
  KEY ix_glass_user (user_id, expires_at),
  CONSTRAINT fk_glass_user FOREIGN KEY (user_id) REFERENCES user_account (id),
  CONSTRAINT fk_glass_case FOREIGN KEY (case_id) REFERENCES case_file (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
