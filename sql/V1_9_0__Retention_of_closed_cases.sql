-- Retention: closed cases are purged a configured number of years after closing (RetentionJob).
-- The purge finds them by status and closing day.
ALTER TABLE case_file ADD KEY ix_case_closed (status, closed_on);
-- A break-glass grant is audit evidence, like the access log: it outlives the case it opened, whose
-- id it keeps as a pseudonymous number. So it no longer refers to case_file by foreign key.
ALTER TABLE break_glass DROP FOREIGN KEY fk_glass_case;
