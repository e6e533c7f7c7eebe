#!/usr/bin/env bash
# Case creation over HTTP against raw JDBC, 32 clients each.
#
#   bench/case-create.sh            (expects target/ketenzicht.war; builds it if missing)
#
# Starts the packaged application on Payara Micro (production mode) against a fresh scratch
# database, gets an API token for a new police organisation, then measures for BENCH_SECONDS after
# a warm-up: POST api/cases, GET api/cases/{id}, and the same rows written and read with raw JDBC
# (with and without the access_log row, to show the cost of auditing). Prints cases/s, latency
# p50/p99/max and the ratios. Stops the server on exit (also on Ctrl-C).
#
# Settings (environment): BENCH_DB (ketenzicht_bench), BENCH_PORT (18181), BENCH_THREADS (32),
# BENCH_SECONDS (30), BENCH_WARMUP (5), BENCH_ONLY (http-create), KEEP_SERVER (1: leave it running), APP_JVM (the server's JVM options, default -Xmx1g: use the
# ops engineer's flags from bench/startup.sh once they are on main).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${BENCH_DB:-ketenzicht_bench}
PORT=${BENCH_PORT:-18181}
APP_JVM=${APP_JVM:--Xmx1g}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
WORK=target/bench
ADMIN_PASSWORD=bench-admin-password
mkdir -p "$WORK"

[[ -f target/ketenzicht.war ]] || mvn -B -q -o package -DskipTests
[[ -d target/test-classes/nl/ketenzicht/bench ]] || mvn -B -q -o test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

bash src/test/db/create-test-db.sh "$DB" >/dev/null
app_pid=
trap '[[ -n $app_pid && -z ${KEEP_SERVER:-} ]] && kill "$app_pid" 2>/dev/null; true' EXIT
# shellcheck disable=SC2086 # APP_JVM is meant to split into options
env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" \
  KETENZICHT_DB_USER="${DB}_app" KETENZICHT_DB_PASSWORD=app-it-secret \
  KETENZICHT_DB_MIGRATION_USER="${DB}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret \
  KETENZICHT_LINKAGE_SECRET=bench-linkage-secret KETENZICHT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $APP_JVM -jar "$MICRO_JAR" --nocluster --port "$PORT" --contextroot / --deploy target/ketenzicht.war \
  >"$WORK/case-create-server.log" 2>&1 &
app_pid=$!
echo "# server pid $app_pid (JVM: $APP_JVM), log $WORK/case-create-server.log; waiting for /health/ready" >&2
for _ in $(seq 1 600); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "the server stopped; see $WORK/case-create-server.log" >&2; exit 1; }
  sleep 0.5
done

java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$WORK/test.cp")" \
  -Dbench.url="http://127.0.0.1:$PORT/" -Dbench.admin.password=$ADMIN_PASSWORD \
  -Dbench.db.url="jdbc:mysql://127.0.0.1:3306/$DB" -Dbench.db.user="${DB}_app" -Dbench.db.password=app-it-secret \
  -Dbench.only="${BENCH_ONLY:-}" -Dbench.threads="${BENCH_THREADS:-32}" -Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.warmup="${BENCH_WARMUP:-5}" \
  nl.ketenzicht.bench.CaseCreateBench 2>&1 | grep --line-buffered -v '^SLF4J'
