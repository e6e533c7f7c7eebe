#!/usr/bin/env bash
# Bulk import (issue 18): a generated case file of BENCH_ROWS rows (default 1,000,000: cases with
# their victims, suspects, clients, aangifte events and chain steps with charges, from a synthetic
# world), uploaded by a partner system, previewed (a dry run through the API's services) and
# committed per case, on a server whose heap is bounded by -Xmx256m (the file is streamed, never
# loaded); then the JDBC bulk writer (nl.ketenzicht.synthetic.JdbcWriter) writes the same cases into
# the same database. Prints the preview's time, import rows per second, the JDBC writer's rows per
# second on the same rows, their ratio, and the server's heap after each GC (its GC log).
#
#   bench/import.sh                      (full size; run it in a quiet window)
#   BENCH_ROWS=20000 bench/import.sh     (a check that it works, about 8 minutes on a busy machine)
#
# First run (20,014 rows of 1,645 synthetic cases, 2-core machine shared with other builds, load ~8):
# preview 201 s (99 rows/s), commit per case 147 s (136 rows/s), JDBC bulk writer on the same cases
# 0.8 s (25,015 file rows/s): ratio 0.005; server heap at most 107 MB in use after GC (-Xmx256m), no
# OutOfMemoryError; all 20,014 rows passed the API's rules. Far from issue 18's 5,000 rows/s: every
# row goes through the JPA services with its access-log row and a refresh of its case's aggregates.
#
# 1,000,005 rows on a busy machine (load 10-17, 2026-12-06, bench/RESULTS.md): preview 37.4 s, commit
# 3,918 rows/s including the rebuild of every aggregate at the end (10.3 s), JDBC writer 41,763 rows/s
# (ratio 0.094), heap at most 215 MB in use of 256 MB.
# On a quiet machine (2026-12-06 23:23, bench/RESULTS.md): preview 13.1 s, commit 12,106 rows/s incl. the
# rebuild, JDBC writer 71,185 rows/s (ratio 0.170), heap at most 222 MB in use of 256 MB.
#
# Settings (environment): BENCH_ROWS (1000000), BENCH_DB (ketenzicht_bench_import), BENCH_PORT
# (20250), APP_JVM (the server's JVM options, default -Xmx256m).
set -euo pipefail
cd "$(dirname "$0")/.."

ROWS=${BENCH_ROWS:-1000000}
DB=${BENCH_DB:-ketenzicht_bench_import}
PORT=${BENCH_PORT:-20250}
APP_JVM=${APP_JVM:--Xmx256m}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
WORK=target/bench
ADMIN_PASSWORD=bench-admin-password
mkdir -p "$WORK"

[[ -f target/ketenzicht.war ]] || mvn -B -q package -DskipTests
[[ -f target/test-classes/nl/ketenzicht/bench/ImportBench.class ]] || mvn -B -q test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

bash src/test/db/create-test-db.sh "$DB" >/dev/null
app_pid=
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; true' EXIT

# shellcheck disable=SC2086 # APP_JVM is meant to split into options
env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" \
  KETENZICHT_DB_USER="${DB}_app" KETENZICHT_DB_PASSWORD=app-it-secret \
  KETENZICHT_DB_MIGRATION_USER="${DB}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret \
  KETENZICHT_LINKAGE_SECRET=bench-linkage-secret KETENZICHT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  KETENZICHT_IMPORT_DIRECTORY="$PWD/$WORK/import-uploads" \
  java $APP_JVM -Xlog:gc:file="$WORK/import-gc.log":time,uptime -jar "$MICRO_JAR" --nocluster --nohazelcast --port "$PORT" \
  --contextroot / --deploy target/ketenzicht.war >"$WORK/import-server.log" 2>&1 &
app_pid=$!
echo "# server pid $app_pid (JVM: $APP_JVM), log $WORK/import-server.log, GC log $WORK/import-gc.log; waiting for /health/ready" >&2
for _ in $(seq 1 900); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "the server stopped; see $WORK/import-server.log" >&2; exit 1; }
  sleep 0.5
done

java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$WORK/test.cp")" \
  -Dbench.url="http://127.0.0.1:$PORT/" -Dbench.admin.password=$ADMIN_PASSWORD -Dbench.rows="$ROWS" \
  -Dbench.file="$WORK/import-$ROWS.csv" \
  -Dbench.db.url="jdbc:mysql://127.0.0.1:3306/$DB" -Dbench.db.user="${DB}_app" -Dbench.db.password=app-it-secret \
  nl.ketenzicht.bench.ImportBench 2>&1 | grep --line-buffered -v '^SLF4J'

# The largest heap in use after a collection, and the heap's size: the bound the server kept.
awk -v jvm="$APP_JVM" '/Pause/ { if (match($0, /->([0-9]+)M\(([0-9]+)M\)/, m)) { if (m[1] > max) max = m[1]; size = m[2] } }
     END { printf "server heap after GC: at most %d MB in use, heap %d MB (%s)\n", max, size, jvm }' \
  "$WORK/import-gc.log"
echo "OutOfMemoryError in the server log: $(grep -c "OutOfMemoryError" "$WORK/import-server.log" || true)"
