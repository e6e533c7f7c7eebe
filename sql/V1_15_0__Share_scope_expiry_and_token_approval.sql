-- Issue 15. A share states what it allows and until when; the owner chooses both.
-- Shares made before scopes existed become read-only and end 90 days after this migration:
-- the owner re-shares with the scope and date the partner needs.
ALTER TABLE case_share
  ADD COLUMN scope      VARCHAR(30) NOT NULL DEFAULT 'READ' AFTER purpose,
  ADD COLUMN expires_on DATE        NULL AFTER scope;
UPDATE case_share SET expires_on = DATE_ADD(CURRENT_DATE, INTERVAL 90 DAY) WHERE expires_on IS NULL;
ALTER TABLE case_share MODIFY COLUMN expires_on DATE NOT NULL;

-- Which organisation recorded a chain step: a grantee may withdraw its own steps, never the owner's.
-- NULL for steps recorded before this column: they are the owner's.
ALTER TABLE chain_event ADD COLUMN recorded_by_organisation_id BIGINT NULL AFTER created_at;

-- Two administrators per API token: one registers the hash of a secret the partner made, another
-- approves. Only an approved, unrevoked token authenticates. Tokens issued before this migration
-- were issued by one administrator and stay valid until revoked.
ALTER TABLE api_token
  ADD COLUMN approved_at TIMESTAMP(3) NULL AFTER created_by,
  ADD COLUMN approved_by BIGINT       NULL AFTER approved_at;
UPDATE api_token SET approved_at = created_at WHERE approved_at IS NULL;
