#!/usr/bin/env bash
# Case creation and reading over HTTP, with and without the access log, against raw JDBC; 32 clients each.
#
#   bench/case-create.sh            (builds target/ketenzicht.war and the test classes if missing)
#
# Starts the packaged application on Payara Micro (production mode) against a fresh scratch
# database, gets an API token for a new police organisation and measures for BENCH_SECONDS after a
# warm-up: POST api/cases and GET api/cases/{id}; then the same rows written and read with raw JDBC
# (with and without the access_log row). Then it restarts the server from a copy of the WAR in which
# the access log is switched off (nl.ketenzicht.bench.NoAccessLog, a test class that never ships)
# and measures the HTTP pair again. Prints cases/s, latency p50/p99/max, CPU per operation of the
# server, of the database threads serving the benchmark and of the client, and the ratios
# (HTTP/JDBC for issue 3, with/without audit for issue 4). Stops the server on exit (also on Ctrl-C).
#
# Settings (environment): BENCH_DB (ketenzicht_bench), BENCH_PORT (18181), BENCH_THREADS (32),
# BENCH_SECONDS (30), BENCH_WARMUP (15: the JIT needs it), BENCH_AUDIT_OFF (1: also measure without audit; 0: skip),
# BENCH_NOAUDIT_FIRST (0), BENCH_PHASES (http,jdbc: what to measure on the server with the log), APP_JVM (the server's JVM options, default -Xmx1g).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-ketenzicht_bench}
PORT=${BENCH_PORT:-18181}
APP_JVM=${APP_JVM:--Xmx1g}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
WORK=target/bench
RESULTS=$WORK/case-create-results.tsv
ADMIN_PASSWORD=bench-admin-password
mkdir -p "$WORK"

[[ -f target/ketenzicht.war ]] || mvn -B -q package -DskipTests
[[ -f target/test-classes/nl/ketenzicht/bench/NoAccessLog.class ]] || mvn -B -q test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

# The same WAR plus the alternative that logs nothing.
rm -rf "$WORK/noaudit" && mkdir -p "$WORK/noaudit/WEB-INF/classes/nl/ketenzicht/bench"
cp target/test-classes/nl/ketenzicht/bench/NoAccessLog.class "$WORK/noaudit/WEB-INF/classes/nl/ketenzicht/bench/"
cp target/ketenzicht.war "$WORK/ketenzicht-noaudit.war"
jar uf "$WORK/ketenzicht-noaudit.war" -C "$WORK/noaudit" WEB-INF

bash src/test/db/create-test-db.sh "$DB" >/dev/null
rm -f "$RESULTS"
app_pid=
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; true' EXIT

start_server() { # $1: war, $2: log name
  # shellcheck disable=SC2086 # APP_JVM is meant to split into options
  env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" \
    KETENZICHT_DB_USER="${DB}_app" KETENZICHT_DB_PASSWORD=app-it-secret \
    KETENZICHT_DB_MIGRATION_USER="${DB}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret \
    KETENZICHT_LINKAGE_SECRET=bench-linkage-secret KETENZICHT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    java $APP_JVM -jar "$MICRO_JAR" --nocluster --nohazelcast --port "$PORT" --contextroot / --deploy "$1" \
    >"$WORK/$2-server.log" 2>&1 &
  app_pid=$!
  echo "# server pid $app_pid ($1, JVM: $APP_JVM), log $WORK/$2-server.log; waiting for /health/ready" >&2
  for _ in $(seq 1 900); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]] && return 0
    kill -0 "$app_pid" 2>/dev/null || { echo "the server stopped; see $WORK/$2-server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "the server did not become ready; see $WORK/$2-server.log" >&2
  exit 1
}

stop_server() {
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

bench() { # $1: phases, $2: label
  java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$WORK/test.cp")" \
    -Dbench.url="http://127.0.0.1:$PORT/" -Dbench.admin.password=$ADMIN_PASSWORD \
    -Dbench.db.url="jdbc:mysql://127.0.0.1:3306/$DB" -Dbench.db.user="${DB}_app" -Dbench.db.password=app-it-secret \
    -Dbench.server.pid="${app_pid:-0}" -Dbench.db.pid="$(pgrep -xo mariadbd || pgrep -xo mysqld || echo 0)" \
    -Dbench.phases="$1" -Dbench.label="$2" -Dbench.results="$RESULTS" \
    -Dbench.threads="${BENCH_THREADS:-32}" -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.warmup="${BENCH_WARMUP:-15}" \
    nl.ketenzicht.bench.CaseCreateBench 2>&1 | grep --line-buffered -v '^SLF4J'
}

with_audit() {
  start_server target/ketenzicht.war audit
  bench "${BENCH_PHASES:-http,jdbc}" audit
  stop_server
}
without_audit() {
  if [[ ${BENCH_AUDIT_OFF:-1} == 1 ]]; then
    start_server "$WORK/ketenzicht-noaudit.war" noaudit
    bench http noaudit
    stop_server
  fi
}
# BENCH_NOAUDIT_FIRST=1 swaps the order, to see how much the order itself moves the ratio.
if [[ ${BENCH_NOAUDIT_FIRST:-0} == 1 ]]; then without_audit; with_audit; else with_audit; without_audit; fi
bench summary summary
