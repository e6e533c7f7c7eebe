#!/usr/bin/env bash
# Creates a fresh database for the integration tests on the local MariaDB/MySQL, with the two
# accounts the application uses: a migration user (owns the schema, may grant) and an application
# user (gets table grants from the migrations only). Each test database has its own accounts, so
# runs on different databases never change each other's grants. Root is reached over the socket.
#   usage: create-test-db.sh DB [APP_USER] [MIGRATION_USER]
set -euo pipefail
db="${1:-ketenzicht_it}"
app="${2:-${db}_app}"
mig="${3:-${db}_mig}"
mysql_cmd=(mysql -uroot)
if ! "${mysql_cmd[@]}" -e 'SELECT 1' >/dev/null 2>&1; then
  echo "create-test-db: cannot reach MariaDB as root over the socket; start it with:" >&2
  echo "  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql" >&2
  exit 1
fi
"${mysql_cmd[@]}" <<SQL
DROP DATABASE IF EXISTS \`${db}\`;
CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
DROP USER IF EXISTS '${app}'@'%';
DROP USER IF EXISTS '${mig}'@'%';
CREATE USER '${mig}'@'%' IDENTIFIED BY 'migrator-it-secret';
CREATE USER '${app}'@'%' IDENTIFIED BY 'app-it-secret';
GRANT ALL PRIVILEGES ON \`${db}\`.* TO '${mig}'@'%' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
echo "create-test-db: fresh database ${db} ready (users ${app}, ${mig})"
