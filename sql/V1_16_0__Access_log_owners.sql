-- NEN 7513: the organisation responsible for the records an access touched must be able to see every
-- access to them, by anyone. owner_ids names the owning organisations of the cases touched (hashed
-- into the chain like every column); access_log_owner indexes the entries by the owners that are not
-- the actor's own organisation (those already find them by organisation_id). Insert-only, like the log.
ALTER TABLE access_log ADD COLUMN owner_ids VARCHAR(500) NULL;

CREATE TABLE access_log_owner (
  organisation_id  BIGINT NOT NULL,
  entry_id         BIGINT NOT NULL,
  PRIMARY KEY (organisation_id, entry_id)
) ENGINE=InnoDB;
