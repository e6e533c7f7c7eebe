#!/usr/bin/env bash
# Case creation and reading over HTTP, with and without the access log and the report aggregates,
# against raw JDBC; 32 clients each.
#
#   bench/case-create.sh            (builds target/ketenzicht.war and the test classes if missing; ~25 min)
#
# Starts the packaged application on Payara Micro (production mode) against a fresh scratch
# database, gets an API token for a new police organisation, and measures POST api/cases and
# GET api/cases/{id} over kept-alive connections (bench/RawHttp: the JDK client cost the server's
# cores ~1.3 ms per request). Each phase first runs until the rate is steady (the JIT needs minutes),
# then measures BENCH_SECONDS. Paced runs then offer half and 80% of the measured create rate and give
# latency from each request's scheduled start. Then the same rows are written and read with raw JDBC
# (with and without the access_log row). Then the server is restarted from copies of the WAR with
# test-only alternatives that never ship: nl.ketenzicht.bench.NoAccessLog (no access log) and
# nl.ketenzicht.reports.aggregates.NoAggregates (no report aggregates), and measured again.
# Prints rates, latency p50/p99/max, CPU per operation of the server, of the database threads serving
# the benchmark and of the client, and the ratios: HTTP/JDBC (issue 3), with/without audit (issue 4),
# with/without aggregates (issue 6). Stops the server on exit (also on Ctrl-C).
#
# Issue 14's long run on one server (about 35 min at 50/s): 50,000 creations with the server's live JDBC
# statements and old generation after every 5,000 (jcmd class histogram, jstat), then 10 one-minute
# slices of the create benchmark on the warm server, each with the load average, the machine's CPU by
# party (server, database, client, others) and the server's statements and old generation after it;
# the server's GC log is written beside its console log:
#   BENCH_VARIANTS=audit BENCH_PHASES=soak,steady BENCH_THREADS=8 bench/case-create.sh
#
# Settings (environment): BENCH_DB (ketenzicht_bench), BENCH_PORT (18181), BENCH_THREADS (32),
# BENCH_SECONDS (30), BENCH_WARMUP (120: least warm-up per phase), BENCH_WARMUP_MAX (300),
# BENCH_VARIANTS (audit,noaudit,noaggregates: which servers), BENCH_PHASES (create,read,paced,jdbc:
# what to measure on the server as built; also soak and steady), BENCH_SOAK_CASES (50000), BENCH_SOAK_EVERY (5000),
# BENCH_STEADY_MINUTES (10), APP_JVM (the server's JVM options, default -Xmx1g).
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
[[ -f target/test-classes/nl/ketenzicht/reports/aggregates/NoAggregates.class ]] || mvn -B -q test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

# The same WAR plus one test-only alternative: $1 name, $2 class directory under target/test-classes, $3 class file glob.
variant_war() {
  rm -rf "$WORK/$1" && mkdir -p "$WORK/$1/WEB-INF/classes/$2"
  cp target/test-classes/$2/$3 "$WORK/$1/WEB-INF/classes/$2/"
  cp target/ketenzicht.war "$WORK/ketenzicht-$1.war"
  jar uf "$WORK/ketenzicht-$1.war" -C "$WORK/$1" WEB-INF
}
variant_war noaudit nl/ketenzicht/bench 'NoAccessLog.class'
variant_war noaggregates nl/ketenzicht/reports/aggregates 'NoAggregates*.class'

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
    java $APP_JVM -Xlog:gc:file="$WORK/$2-gc.log":time,uptime -jar "$MICRO_JAR" --nocluster --nohazelcast --port "$PORT" --contextroot / --deploy "$1" \
    >"$WORK/$2-server.log" 2>&1 &
  app_pid=$!
  echo "# server pid $app_pid ($1, JVM: $APP_JVM), log $WORK/$2-server.log, GC log $WORK/$2-gc.log; waiting for /health/ready" >&2
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
    -Dbench.threads="${BENCH_THREADS:-32}" -Dbench.seconds="${BENCH_SECONDS:-30}" \
    -Dbench.warmup="${BENCH_WARMUP:-120}" -Dbench.warmup.max="${BENCH_WARMUP_MAX:-300}" \
    -Dbench.soak.cases="${BENCH_SOAK_CASES:-50000}" -Dbench.soak.every="${BENCH_SOAK_EVERY:-5000}" \
    -Dbench.steady.minutes="${BENCH_STEADY_MINUTES:-10}" \
    nl.ketenzicht.bench.CaseCreateBench 2>&1 | grep --line-buffered -v '^SLF4J'
}

measure() { # $1: variant, $2: war, $3: phases
  [[ ,${BENCH_VARIANTS:-audit,noaudit,noaggregates}, == *,$1,* ]] || return 0
  start_server "$2" "$1"
  bench "$3" "$1"
  stop_server
}
measure audit target/ketenzicht.war "${BENCH_PHASES:-create,read,paced,jdbc}"
measure noaudit "$WORK/ketenzicht-noaudit.war" create,read
measure noaggregates "$WORK/ketenzicht-noaggregates.war" create
bench summary summary
