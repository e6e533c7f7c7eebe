-- The application user gets exactly what it needs, table by table (MariaDB and MySQL cannot take
-- away at table level what was granted for the whole database). Repeatable: edited whenever a
-- migration adds a table. The access log gets SELECT and INSERT only.
-- Applied again at every start: the time stamp below changes the checksum, so a database restored from
-- a dump (which holds no grants) gets them back. Applied at ${flyway:timestamp}.
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON user_account TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_code TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON user_session TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_provider TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_identity TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON oidc_login TO ${appGrantee};
GRANT SELECT ON flyway_schema_history TO ${appGrantee};
GRANT SELECT, INSERT ON access_log TO ${appGrantee};
GRANT SELECT, INSERT ON access_log_subject TO ${appGrantee};
GRANT SELECT, INSERT ON access_log_owner TO ${appGrantee};
GRANT SELECT, INSERT ON access_log_seal TO ${appGrantee};
GRANT SELECT ON ref_police_unit TO ${appGrantee};
GRANT SELECT ON ref_prosecution_office TO ${appGrantee};
GRANT SELECT ON ref_court_district TO ${appGrantee};
GRANT SELECT ON ref_municipality TO ${appGrantee};
GRANT SELECT ON ref_code TO ${appGrantee};
GRANT SELECT ON ref_article TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON case_file TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON case_exploitation_form TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON case_investigation_method TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON case_share TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON party TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON party_reference TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON victim_vulnerability TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON party_link TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON aangifte_event TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON aangifte_reason TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON chain_event TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON charge TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON runaway_episode TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON care_referral TO ${appGrantee};
GRANT SELECT, INSERT, DELETE ON idempotency_key TO ${appGrantee};
GRANT SELECT, INSERT ON break_glass TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON registration TO ${appGrantee};
GRANT SELECT, UPDATE ON linkage_lock TO ${appGrantee};

GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_case_fact TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_funnel TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_funnel_delta TO ${appGrantee};
GRANT SELECT ON report_key TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_party_fact TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON indicator TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON indicator_target TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_victim_fact TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_victim_count TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_runaway_fact TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER ON report_care_fact TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON overlap_count TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON registration_count TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE ON context_capacity TO ${appGrantee};
GRANT SELECT, INSERT ON context_capacity_history TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE ON context_priority TO ${appGrantee};
GRANT SELECT, INSERT ON context_priority_history TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE ON context_pilot TO ${appGrantee};
GRANT SELECT, INSERT, DELETE ON context_pilot_unit TO ${appGrantee};
GRANT SELECT, INSERT ON context_pilot_history TO ${appGrantee};
GRANT SELECT, INSERT, DELETE ON case_pilot TO ${appGrantee};
GRANT SELECT, INSERT, DELETE ON case_pilot_history TO ${appGrantee};

-- A rebuild of every report aggregate (reports/aggregates/AggregateRebuild#swap) fills a shadow copy of each
-- report table (<table>_next, CREATE TABLE ... LIKE) on parallel connections and swaps all of them in with one
-- atomic RENAME TABLE (the live table becomes <table>_prev and is dropped). RENAME needs ALTER and DROP on the
-- old name and CREATE and INSERT on the new one; these grants name exactly the report tables and their two
-- shadow names, nothing else (CREATE lets a grant name a table that does not exist yet). The guard row keeps
-- the writers' maintenance off the report tables until the swap is done (RebuildGuard).
GRANT SELECT, UPDATE ON report_rebuild_guard TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_case_fact_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_case_fact_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_funnel_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_funnel_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_funnel_delta_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_funnel_delta_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_party_fact_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_party_fact_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_victim_fact_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_victim_fact_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_victim_count_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_victim_count_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_runaway_fact_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_runaway_fact_prev TO ${appGrantee};
GRANT SELECT, INSERT, DELETE, CREATE, DROP, ALTER ON report_care_fact_next TO ${appGrantee};
GRANT SELECT, INSERT, CREATE, DROP, ALTER ON report_care_fact_prev TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON import_job TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON import_problem TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON import_reference TO ${appGrantee};
GRANT SELECT, UPDATE ON singleton_lease TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON login_throttle TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE ON singleton_run TO ${appGrantee};
GRANT SELECT, INSERT, DELETE ON report_rebuild_request TO ${appGrantee};
