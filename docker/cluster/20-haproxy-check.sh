#!/bin/bash
# Runs once, on galera1's first start (after ../mysql-init/10-ketenzicht-users.sh): the account HAProxy's
# mysql-check logs in with (no password, no privileges; it only shows that the node accepts logins),
# and the account the joining nodes use for their state transfer. Galera copies both to the other nodes.
set -euo pipefail
mysql --protocol=socket -uroot -p"${MYSQL_ROOT_PASSWORD}" <<SQL
CREATE USER IF NOT EXISTS 'haproxy_check'@'%';
CREATE USER IF NOT EXISTS 'mariabackup'@'localhost' IDENTIFIED BY '${GALERA_SST_PASSWORD}';
GRANT RELOAD, PROCESS, LOCK TABLES, BINLOG MONITOR ON *.* TO 'mariabackup'@'localhost';
SQL
