-- Throughput as competing risks (measure 3): a suspect's chain that ends with its case, before the
-- next stage, is a competing ending at the closing day, not an open chain. The party facts carry the
-- case's closing day and reason so that the report never reads case_file; writers keep them current.
ALTER TABLE report_party_fact
  ADD COLUMN case_closed_on      DATE        NULL AFTER verdict_on,
  ADD COLUMN case_closing_reason VARCHAR(40) NULL AFTER case_closed_on;

UPDATE report_party_fact f JOIN case_file c ON c.id = f.case_id
   SET f.case_closed_on = c.closed_on, f.case_closing_reason = c.closing_reason;
