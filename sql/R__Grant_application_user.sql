-- The application user gets exactly what it needs, table by table (MariaDB and MySQL cannot take
-- away at table level what was granted for the whole database). Repeatable: edited whenever a
-- migration adds a table. The access log gets SELECT and INSERT only.
GRANT SELECT, INSERT, UPDATE, DELETE ON organisation TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON user_account TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON recovery_code TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON user_session TO ${appGrantee};
GRANT SELECT, INSERT, UPDATE, DELETE ON api_token TO ${appGrantee};
GRANT SELECT ON flyway_schema_history TO ${appGrantee};
GRANT SELECT, INSERT ON access_log TO ${appGrantee};
GRANT SELECT, INSERT ON access_log_subject TO ${appGrantee};
GRANT SELECT, INSERT ON access_log_seal TO ${appGrantee};
GRANT SELECT ON ref_police_unit TO ${appGrantee};
GRANT SELECT ON ref_prosecution_office TO ${appGrantee};
GRANT SELECT ON ref_court_district TO ${appGrantee};
GRANT SELECT ON ref_municipality TO ${appGrantee};
GRANT SELECT ON ref_code TO ${appGrantee};
GRANT SELECT ON ref_article TO ${appGrantee};
