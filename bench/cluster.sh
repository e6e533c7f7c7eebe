#!/usr/bin/env bash
# The cluster topology of issue 19 on this one machine, loopback only, no containers:
#   - MariaDB Galera, 3 nodes (Debian's mariadb-server and galera-4), run as the mysql user with
#     their files under $CLUSTER_DIR/galera/node{1,2,3};
#   - HAProxy (Debian's haproxy, installed when missing) in front of both tiers:
#       SQL  :16300 -> Galera node 1, nodes 2 and 3 as backups (one writer at a time);
#       HTTP :16080 -> the Payara Micro nodes, health check on /health/ready, sticky cookie;
#   - N Payara Micro nodes (default 2) of target/ketenzicht.war forming one data grid:
#       HTTP :16081.., grid :16901.., every member's grid port listed in --clustermode.
# Node 1 starts first and runs the Flyway migrations; the others start when it is ready and find
# nothing left to migrate (so the migrations run once; on Galera Flyway's GET_LOCK is not replicated).
#
#   bench/cluster.sh start [N]    start everything (N Payara nodes, default 2); ~2-4 min
#   bench/cluster.sh stop         stop everything (Payara, HAProxy, Galera), keep the files
#   bench/cluster.sh status       what runs: Galera's cluster size, HAProxy's view, the grid
#   bench/cluster.sh kill-app I   kill -9 Payara node I      bench/cluster.sh start-app I / stop-app I
#   bench/cluster.sh kill-db I    kill -9 Galera node I      bench/cluster.sh start-db I
#   bench/cluster.sh grid [N]     each node's data grid (name, size) from its log; with N: wait up to
#                                 60 s until every live node is in the grid "ketenzicht" of N members
#   bench/cluster.sh haproxy-config N   HAProxy's configuration for docker/cluster (same rules, service names)
#   bench/cluster.sh clean        stop and delete $CLUSTER_DIR
#
# Settings (environment): CLUSTER_DIR (target/cluster), APP_JVM (-Xmx512m), PAYARA_VERSION.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=$(realpath -m "${CLUSTER_DIR:-target/cluster}")
APP_JVM=${APP_JVM:--Xmx512m}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
DB=ketenzicht
APP_PASSWORD=cluster-app-secret
MIG_PASSWORD=cluster-migration-secret
ADMIN_PASSWORD=cluster-admin-password
SQL_PORT=16300
HTTP_PORT=16080
STATS_PORT=16099

sql_port() { echo $((16300 + $1)); }
gcomm_port() { echo $((16560 + $1)); }
ist_port() { echo $((16570 + $1)); }
sst_port() { echo $((16580 + $1)); }
app_port() { echo $((16080 + $1)); }
grid_port() { echo $((16900 + $1)); }
sock() { echo "$DIR/galera/node$1/mysqld.sock"; }
nodes_file() { echo "$DIR/app-nodes"; }

log() { printf '%s cluster: %s\n' "$(date +%H:%M:%S)" "$*"; }

galera_conf() {
  local i=$1 d="$DIR/galera/node$1"
  cat >"$d.cnf" <<CNF
[mysqld]
user=mysql
datadir=$d/data
socket=$(sock "$i")
pid-file=$d/mysqld.pid
log-error=$d/error.log
port=$(sql_port "$i")
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=256M
innodb_flush_log_at_trx_commit=1
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=/usr/lib/galera/libgalera_smm.so
wsrep_cluster_name=ketenzicht
wsrep_cluster_address=gcomm://127.0.0.1:$(gcomm_port 1),127.0.0.1:$(gcomm_port 2),127.0.0.1:$(gcomm_port 3)
wsrep_node_name=node$i
wsrep_node_address=127.0.0.1:$(gcomm_port "$i")
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$i");ist.recv_addr=127.0.0.1:$(ist_port "$i");evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;pc.wait_prim_timeout=PT30S"
wsrep_sst_method=rsync
wsrep_sst_receive_address=127.0.0.1:$(sst_port "$i")
CNF
}

start_db() {
  local i=$1 d="$DIR/galera/node$1" extra=()
  if mysqladmin --socket="$(sock "$i")" -uroot ping >/dev/null 2>&1; then
    log "galera node$i is running already"
    return 0
  fi
  mkdir -p "$d/data"
  chown -R mysql:mysql "$d"
  galera_conf "$i"
  if [[ $i == 1 && ! -f $d/data/grastate.dat ]]; then
    mariadb-install-db --defaults-file="$d.cnf" --user=mysql --auth-root-authentication-method=socket >/dev/null
    extra=(--wsrep-new-cluster)
  elif [[ $i == 1 && ${2:-} == bootstrap ]]; then
    # The first node after a full stop: it may bootstrap again only if it was the last to leave.
    sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$d/data/grastate.dat"
    extra=(--wsrep-new-cluster)
  fi
  start-stop-daemon --start --background --make-pidfile --pidfile "$d/daemon.pid" \
    --exec /usr/sbin/mariadbd -- --defaults-file="$d.cnf" "${extra[@]}"
  for _ in $(seq 1 180); do
    if mysql --socket="$(sock "$i")" -uroot -Nse "SHOW STATUS LIKE 'wsrep_ready'" 2>/dev/null | grep -q ON; then
      log "galera node$i ready (port $(sql_port "$i"))"
      return 0
    fi
    sleep 1
  done
  log "galera node$i did not become ready; see $d/error.log" >&2
  return 1
}

kill_db() { pkill -9 -f -- "--defaults-file=$DIR/galera/node$1.cnf" || true; }

stop_db() {
  local i=$1
  mysqladmin --socket="$(sock "$i")" -uroot shutdown 2>/dev/null || kill_db "$i"
}

create_database() {
  mysql --socket="$(sock 1)" -uroot <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '${DB}_mig'@'%' IDENTIFIED BY '$MIG_PASSWORD';
CREATE USER IF NOT EXISTS '${DB}_app'@'%' IDENTIFIED BY '$APP_PASSWORD';
CREATE USER IF NOT EXISTS 'haproxy_check'@'127.0.0.1';
GRANT ALL PRIVILEGES ON \`$DB\`.* TO '${DB}_mig'@'%' WITH GRANT OPTION;
SQL
}

# HAProxy's configuration for N app nodes, on this machine (local) or for docker/cluster/compose.yaml
# (docker: the services' names and ports; `bench/cluster.sh haproxy-config 2 > docker/cluster/haproxy.cfg`,
# ClusterConfigTest checks that the file is what this prints).
haproxy_conf() {
  local n=$1 where=${2:-local}
  local sql_bind=127.0.0.1:$SQL_PORT http_bind=127.0.0.1:$HTTP_PORT stats_bind=127.0.0.1:$STATS_PORT
  local global="  pidfile $DIR/haproxy.pid
  stats socket $DIR/haproxy.sock mode 600 level admin" resolvers="" names=""
  if [[ $where == docker ]]; then
    sql_bind=:3306 http_bind=:8080 stats_bind=:8404
    global="  stats socket /var/run/haproxy.sock mode 600 level admin"
    # Containers come and go with new addresses: names are resolved by Docker's DNS, also later.
    resolvers="
resolvers docker
  nameserver dns 127.0.0.11:53
  hold valid 5s
"
    names="
  default-server resolvers docker init-addr last,libc,none"
  fi
  db() { if [[ $where == docker ]]; then echo "galera$1:3306"; else echo "127.0.0.1:$(sql_port "$1")"; fi; }
  app() { if [[ $where == docker ]]; then echo "app$1:8080"; else echo "127.0.0.1:$(app_port "$1")"; fi; }
  cat <<CFG
global
  maxconn 2000
$global
$resolvers
defaults
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout check 1s$names

# One writer at a time: Galera certifies concurrent writes to the same rows optimistically, so two
# writers would turn lock waits into deadlock errors; the backups take over in order when it fails.
listen sql
  bind $sql_bind
  mode tcp
  # Longer than the pools keep an idle connection (maxIdleTime 300 s, shared/Database): cut at 60 s,
  # the next transaction on it broke ("outcome unknown") after any idle minute.
  timeout client 10m
  timeout server 10m
  option mysql-check user haproxy_check
  default-server check inter 1s fall 2 rise 3 on-marked-down shutdown-sessions
  server node1 $(db 1) on-marked-up shutdown-backup-sessions
  server node2 $(db 2) backup
  server node3 $(db 3) backup

# A node takes traffic only when /health/ready is UP (its pool reaches the database). Sessions are
# held in the database, so any node serves any session; the cookie keeps a user on one node for its
# caches. A request is retried on another node only when it could not be sent (conn-failure): a
# request that reached a node may have written, and only its Idempotency-Key makes a repeat safe.
listen http
  bind $http_bind
  mode http
  option httpchk GET /health/ready
  http-check expect status 200
  # The client's address for the login throttle and the access log (the nodes trust this proxy).
  option forwardfor
  cookie KZ_NODE insert indirect nocache httponly
  retries 2
  retry-on conn-failure
  option redispatch
CFG
  for i in $(seq 1 "$n"); do
    echo "  server app$i $(app "$i") check inter 500ms fall 2 rise 2 cookie app$i"
  done
  cat <<CFG

listen stats
  bind $stats_bind
  mode http
  stats enable
  stats uri /
CFG
}

start_haproxy() {
  [[ -f $DIR/haproxy.pid ]] && kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true
  command -v haproxy >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get install -y haproxy >/dev/null; }
  haproxy_conf "$1" >"$DIR/haproxy.cfg"
  haproxy -c -f "$DIR/haproxy.cfg" >/dev/null
  haproxy -D -f "$DIR/haproxy.cfg"
  log "haproxy: sql :$SQL_PORT, http :$HTTP_PORT, stats http://127.0.0.1:$STATS_PORT/"
}

members() {
  local n=$(cat "$(nodes_file)") list=""
  for i in $(seq 1 "$n"); do list+="${list:+,}127.0.0.1:$(grid_port "$i")"; done
  echo "$list"
}

start_app() {
  local i=$1
  if kill -0 "$(cat "$DIR/app$i/pid" 2>/dev/null)" 2>/dev/null; then
    log "payara app$i is running already"
    return 0
  fi
  [[ -f target/ketenzicht.war ]] || mvn -B -q package -DskipTests
  mkdir -p "$DIR/app$i"
  env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:$SQL_PORT/$DB" \
    KETENZICHT_DB_USER="${DB}_app" KETENZICHT_DB_PASSWORD=$APP_PASSWORD \
    KETENZICHT_DB_MIGRATION_USER="${DB}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=$MIG_PASSWORD \
    KETENZICHT_LINKAGE_SECRET=cluster-linkage-secret-of-at-least-32-characters KETENZICHT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    KETENZICHT_LEASES_JOURNAL=true KETENZICHT_HTTP_TRUSTED_PROXIES=127.0.0.1 \
    nohup java $APP_JVM -jar "$MICRO_JAR" --name "app$i" --clustername ketenzicht \
    --clustermode "tcpip:$(members)" --interfaces 127.0.0.1 --startport "$(grid_port "$i")" \
    --port "$(app_port "$i")" --contextroot / --prebootcommandfile config/payara/preboot.asadmin \
    --deploy target/ketenzicht.war >"$DIR/app$i/server.log" 2>&1 &
  echo $! >"$DIR/app$i/pid"
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$(app_port "$i")/health/ready" >/dev/null 2>&1; then
      log "payara app$i ready (http :$(app_port "$i"), grid :$(grid_port "$i"))"
      return 0
    fi
    kill -0 "$(cat "$DIR/app$i/pid")" 2>/dev/null || { log "app$i died; see $DIR/app$i/server.log" >&2; return 1; }
    sleep 1
  done
  log "app$i not ready after 300 s; see $DIR/app$i/server.log" >&2
  return 1
}

kill_app() { [[ -f $DIR/app$1/pid ]] && kill -9 "$(cat "$DIR/app$1/pid")" 2>/dev/null || true; }

stop_app() {
  local pid
  [[ -f $DIR/app$1/pid ]] || return 0
  pid=$(cat "$DIR/app$1/pid")
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
}

status() {
  for i in 1 2 3; do
    printf 'galera node%s: ' "$i"
    mysql --socket="$(sock "$i")" -uroot -Nse "SELECT CONCAT(VARIABLE_VALUE, ' members') FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'wsrep_cluster_size'" 2>/dev/null || echo down
  done
  if [[ -S $DIR/haproxy.sock ]]; then
    echo "show stat" | socat - "UNIX-CONNECT:$DIR/haproxy.sock" 2>/dev/null | awk -F, 'NR > 1 && $2 != "FRONTEND" && $2 != "BACKEND" { print "haproxy " $1 "/" $2 ": " $18 }'
  fi
  local n=$(cat "$(nodes_file)" 2>/dev/null || echo 0)
  for i in $(seq 1 "$n"); do
    printf 'payara app%s: ' "$i"
    curl -s -o /dev/null -w '%{http_code}\n' "http://127.0.0.1:$(app_port "$i")/health/ready" || true
  done
  grid
}

# Payara logs "Data Grid Status ... DG Name: ketenzicht DG Size: 2" whenever a member joins or leaves.
grid_of() { grep -ao 'DG Name: [^ ]* DG Size: [0-9]*' "$DIR/app$1/server.log" 2>/dev/null | tail -1; }

grid() {
  local n=$(cat "$(nodes_file)" 2>/dev/null || echo 0)
  for i in $(seq 1 "$n"); do
    if kill -0 "$(cat "$DIR/app$i/pid" 2>/dev/null)" 2>/dev/null; then
      printf 'payara app%s grid: %s\n' "$i" "$(grid_of "$i")"
    fi
  done
}

wait_grid() {
  local want=$1 n=$(cat "$(nodes_file)") ok
  for _ in $(seq 1 60); do
    ok=1
    for i in $(seq 1 "$n"); do
      kill -0 "$(cat "$DIR/app$i/pid" 2>/dev/null)" 2>/dev/null || continue
      [[ $(grid_of "$i") == "DG Name: ketenzicht DG Size: $want" ]] || ok=0
    done
    if ((ok)); then grid; return 0; fi
    sleep 1
  done
  grid
  log "the grid did not reach $want members of one grid" >&2
  return 1
}

case "${1:-}" in
  start)
    n=${2:-2}
    mkdir -p "$DIR/galera"
    echo "$n" >"$(nodes_file)"
    if [[ -f $DIR/galera/node1/data/grastate.dat ]]; then start_db 1 bootstrap; else start_db 1; fi
    create_database
    start_db 2
    start_db 3
    start_haproxy "$n"
    for i in $(seq 1 "$n"); do start_app "$i"; done
    status
    ;;
  stop)
    n=$(cat "$(nodes_file)" 2>/dev/null || echo 0)
    for i in $(seq 1 "$n"); do stop_app "$i"; done
    [[ -f $DIR/haproxy.pid ]] && kill "$(cat "$DIR/haproxy.pid")" 2>/dev/null || true
    # The last to leave is node 1, so that it may bootstrap the next start.
    stop_db 3; stop_db 2; stop_db 1
    log "stopped"
    ;;
  status) status ;;
  kill-app) kill_app "$2" ;;
  start-app) start_app "$2" ;;
  stop-app) stop_app "$2" ;;
  kill-db) kill_db "$2" ;;
  start-db) start_db "$2" ;;
  haproxy-config) haproxy_conf "${2:-2}" docker ;;
  grid) if [[ -n ${2:-} ]]; then wait_grid "$2"; else grid; fi ;;
  clean) "$0" stop || true; rm -rf "$DIR" ;;
  *) sed -n '2,25p' "$0"; exit 2 ;;
esac
