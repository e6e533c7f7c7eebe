-- The estimated number of clients per victim (party.estimated_client_count, e.g. the OM's estimate in the
-- file) beside the victim's report fact, so that the monitor sets identified clients against estimated ones
-- without reading the base tables. NULL: no estimate recorded. Kept by the writers (VictimFacts) and the
-- rebuild (AggregateRebuild) like the fact's other columns.
ALTER TABLE report_victim_fact ADD COLUMN estimated_clients INT NULL;

UPDATE report_victim_fact f JOIN party p ON p.id = f.party_id SET f.estimated_clients = p.estimated_client_count;
