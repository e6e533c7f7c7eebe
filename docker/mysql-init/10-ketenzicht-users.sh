#!/bin/bash
# Runs once, when the MySQL container initialises an empty data volume. Creates the two accounts
# Ketenzicht uses: the migration user owns the schema and may pass table grants on; the application
# user starts with nothing and gets exactly the table grants the migrations give it
# (sql/R__Grant_application_user.sql). Passwords come from the environment (docker/.env).
set -euo pipefail
: "${KETENZICHT_DB_MIGRATION_PASSWORD:?set KETENZICHT_DB_MIGRATION_PASSWORD in docker/.env}"
: "${KETENZICHT_DB_PASSWORD:?set KETENZICHT_DB_PASSWORD in docker/.env}"
db="${MYSQL_DATABASE:-ketenzicht}"

mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE DATABASE IF NOT EXISTS \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'ketenzicht_migrator'@'%' IDENTIFIED BY '${KETENZICHT_DB_MIGRATION_PASSWORD}';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO 'ketenzicht_migrator'@'%' WITH GRANT OPTION;
CREATE USER IF NOT EXISTS 'ketenzicht_app'@'%' IDENTIFIED BY '${KETENZICHT_DB_PASSWORD}';
SQL
