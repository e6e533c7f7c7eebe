-- Import of context per year and of partner registrations beside case files (feature imports). A job
-- names its kind of file; a registration's mapping names no case when the registration has none.
ALTER TABLE import_job ADD COLUMN template VARCHAR(16) NOT NULL DEFAULT 'CASES' AFTER organisation_id;
ALTER TABLE import_reference MODIFY case_id BIGINT NULL;
