-- An import's uploaded file is deleted when its job has been committed without refused rows, and
-- otherwise once the job has been idle for ketenzicht.import.keep-uploads (imports/ImportUploads);
-- file_path is then NULL and the job can no longer be previewed, committed or give its refused rows.
ALTER TABLE import_job MODIFY file_path VARCHAR(500) NULL;
