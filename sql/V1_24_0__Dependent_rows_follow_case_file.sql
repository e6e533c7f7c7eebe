-- A case's dependent rows follow it by foreign key (ON DELETE CASCADE), so that the retention purge
-- is one delete of case_file (then a refresh of the report aggregates, which have no foreign keys and
-- must survive the delete to be moved by difference). Not cascaded, on purpose: the access log and
-- break-glass grants (audit evidence, no foreign key to the case), and partner registrations, which
-- the purge unlinks through linkage (their version moves).
-- The constraints hold already, so the checks are off while they are replaced: no table copy.
SET foreign_key_checks = 0;

ALTER TABLE case_exploitation_form DROP FOREIGN KEY fk_cef_case;
ALTER TABLE case_exploitation_form ADD CONSTRAINT fk_cef_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE;
ALTER TABLE case_investigation_method DROP FOREIGN KEY fk_cim_case;
ALTER TABLE case_investigation_method ADD CONSTRAINT fk_cim_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE;
ALTER TABLE case_share DROP FOREIGN KEY fk_share_case;
ALTER TABLE case_share ADD CONSTRAINT fk_share_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE;
ALTER TABLE party DROP FOREIGN KEY fk_party_case;
ALTER TABLE party ADD CONSTRAINT fk_party_case FOREIGN KEY (case_id) REFERENCES case_file (id) ON DELETE CASCADE;

ALTER TABLE party_reference DROP FOREIGN KEY fk_ref_party;
ALTER TABLE party_reference ADD CONSTRAINT fk_ref_party FOREIGN KEY (party_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE victim_vulnerability DROP FOREIGN KEY fk_vuln_party;
ALTER TABLE victim_vulnerability ADD CONSTRAINT fk_vuln_party FOREIGN KEY (party_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE party_link DROP FOREIGN KEY fk_link_offender;
ALTER TABLE party_link DROP FOREIGN KEY fk_link_victim;
ALTER TABLE party_link ADD CONSTRAINT fk_link_offender FOREIGN KEY (offender_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE party_link ADD CONSTRAINT fk_link_victim FOREIGN KEY (victim_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE aangifte_event DROP FOREIGN KEY fk_aangifte_victim;
ALTER TABLE aangifte_event ADD CONSTRAINT fk_aangifte_victim FOREIGN KEY (victim_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE aangifte_reason DROP FOREIGN KEY fk_reason_event;
ALTER TABLE aangifte_reason ADD CONSTRAINT fk_reason_event FOREIGN KEY (event_id) REFERENCES aangifte_event (id) ON DELETE CASCADE;
ALTER TABLE chain_event DROP FOREIGN KEY fk_chain_party;
ALTER TABLE chain_event ADD CONSTRAINT fk_chain_party FOREIGN KEY (party_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE charge DROP FOREIGN KEY fk_charge_party;
ALTER TABLE charge ADD CONSTRAINT fk_charge_party FOREIGN KEY (party_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE runaway_episode DROP FOREIGN KEY fk_runaway_victim;
ALTER TABLE runaway_episode ADD CONSTRAINT fk_runaway_victim FOREIGN KEY (victim_id) REFERENCES party (id) ON DELETE CASCADE;
ALTER TABLE care_referral DROP FOREIGN KEY fk_care_victim;
ALTER TABLE care_referral ADD CONSTRAINT fk_care_victim FOREIGN KEY (victim_id) REFERENCES party (id) ON DELETE CASCADE;

SET foreign_key_checks = 1;
