#!/usr/bin/env bash
# Measures 1 and 2 over HTTP at a million cases, against their in-process service path in the same run.
#
#   REPORTS_DB=ketenzicht_bench_reports bench/reports.sh create load rebuild   (once: the 1M-case database)
#   REPORTS_DB=ketenzicht_bench_reports bench/report-http.sh                   (~12 min on a busy 2-core machine)
#
# 1. In process (nl.ketenzicht.reports.ReportBench, phase service): counters → cell-key perturbation →
#    rates → funnel plot → JSON bytes for measures 1 and 2, all police units, all years; warmed up until
#    three 20 s slices agree within 5 %, then BENCH_REQUESTS calls each, one at a time.
# 2. Over HTTP (nl.ketenzicht.bench.ReportHttpBench): the packaged WAR on Payara Micro (production mode)
#    against the same database; a national coordinator logs in with password + TOTP; GET
#    api/reports/dependency?level=POLICE_UNIT and api/reports/clients?level=POLICE_UNIT on one
#    kept-alive connection, warmed up by the same rule, then BENCH_REQUESTS requests each, one at a time.
# Prints min / median / p90 / max in ms with the load averages, and the HTTP / in-process ratio of the medians.
# The purge of expired cases (first run 10 minutes after start) is pushed out of reach of the generated
# data (KETENZICHT_RETENTION_CLOSED_CASE_YEARS=100) so that it cannot change the data set mid-run.
#
# Settings (environment): REPORTS_DB (ketenzicht_bench_reports), BENCH_PORT (18183), BENCH_REQUESTS (200),
# BENCH_WARMUP (60: least warm-up), BENCH_WARMUP_MAX (300), APP_JVM (-Xmx1g), BENCH_PHASES (service,http),
# BENCH_CLASS (nl.ketenzicht.bench.ReportHttpBench; nl.ketenzicht.bench.MonitorHttpBench times the programme monitor
# and its PDF, with BENCH_PHASES=http).
set -euo pipefail
cd "$(dirname "$0")/.."

DB=${REPORTS_DB:-ketenzicht_bench_reports}
PORT=${BENCH_PORT:-18183}
APP_JVM=${APP_JVM:--Xmx1g}
PHASES=${BENCH_PHASES:-service,http}
PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
WORK=target/bench
ADMIN_PASSWORD=bench-admin-password
mkdir -p "$WORK"

cases=$(mysql -uroot -Nse "SELECT COUNT(*) FROM \`$DB\`.case_file" 2>/dev/null || echo 0)
if [[ $cases -eq 0 ]]; then
  echo "no cases in $DB; first run REPORTS_DB=$DB bench/reports.sh create load rebuild" >&2
  exit 1
fi
if [[ ! -f target/ketenzicht.war ]] || [[ -n $(find src/main sql pom.xml -newer target/ketenzicht.war -type f | head -1) ]]; then
  mvn -B -q package -Dmaven.test.skip=true
fi
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/report-http.cp" -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat "$WORK/report-http.cp")"
opts=(-Dbench.requests="${BENCH_REQUESTS:-200}" -Dbench.warmup="${BENCH_WARMUP:-60}" -Dbench.warmup.max="${BENCH_WARMUP_MAX:-300}")
quiet() { grep --line-buffered -v 'SLF4J\|opentelemetry\|OpenTelemetry'; }
echo "# $DB: $cases cases; $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"

out=$WORK/report-http-results.txt
: >"$out"
if [[ ,$PHASES, == *,service,* ]]; then
  java "${opts[@]}" -cp "$cp" nl.ketenzicht.reports.ReportBench "jdbc:mysql://127.0.0.1:3306/$DB" "${DB}_app" app-it-secret service 2>&1 \
    | quiet | tee -a "$out"
fi

app_pid=
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; true' EXIT
if [[ ,$PHASES, == *,http,* ]]; then
  if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
    echo "port $PORT is in use; set BENCH_PORT" >&2
    exit 1
  fi
  # The administrator enrols a new second factor on every run (BenchLogin keeps its secret in $WORK for this run
  # only), so a run never depends on a secret file left by an earlier one; the coordinator is new on every run.
  mysql -uroot "$DB" -e "UPDATE user_account SET totp_secret = NULL, totp_confirmed = FALSE, totp_last_step = 0
    WHERE username = 'admin'"
  rm -f "$WORK/$DB-admin-totp.secret"
  # shellcheck disable=SC2086 # APP_JVM is meant to split into options
  env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB" \
    KETENZICHT_DB_USER="${DB}_app" KETENZICHT_DB_PASSWORD=app-it-secret \
    KETENZICHT_DB_MIGRATION_USER="${DB}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret \
    KETENZICHT_LINKAGE_SECRET=bench-linkage-secret-of-at-least-32-chars KETENZICHT_ADMIN_PASSWORD=$ADMIN_PASSWORD \
    KETENZICHT_RETENTION_CLOSED_CASE_YEARS=100 \
    java $APP_JVM -jar "$MICRO_JAR" --nocluster --nohazelcast --port "$PORT" --contextroot / --deploy target/ketenzicht.war \
    >"$WORK/report-http-server.log" 2>&1 &
  app_pid=$!
  echo "# server pid $app_pid (JVM: $APP_JVM), log $WORK/report-http-server.log; waiting for /health/ready"
  started=$(date +%s)
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]]; do
    kill -0 "$app_pid" 2>/dev/null || { echo "the server stopped; see $WORK/report-http-server.log" >&2; exit 1; }
    (( $(date +%s) - started < 600 )) || { echo "the server did not become ready; see $WORK/report-http-server.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "# ready after $(( $(date +%s) - started )) s"
  java -Xmx512m "${opts[@]}" -cp "$cp" -Dbench.url="http://127.0.0.1:$PORT/" -Dbench.admin.password=$ADMIN_PASSWORD \
    -Dbench.admin.totp-file="$WORK/$DB-admin-totp.secret" "${BENCH_CLASS:-nl.ketenzicht.bench.ReportHttpBench}" 2>&1 | quiet | tee -a "$out"
fi

# HTTP / in-process, median against median, per report.
awk '/^service path DEPENDENCY/ { s1 = $0 } /^service path CLIENTS/ { s2 = $0 }
     /^HTTP GET api\/reports\/dependency/ { h1 = $0 } /^HTTP GET api\/reports\/clients/ { h2 = $0 }
     function med(line) { sub(/.*median /, "", line); return line + 0 }
     END { if (s1 && h1) printf "measure 1: HTTP / in-process median = %.1f / %.1f ms = %.2f\n", med(h1), med(s1), med(h1) / med(s1)
           if (s2 && h2) printf "measure 2: HTTP / in-process median = %.1f / %.1f ms = %.2f\n", med(h2), med(s2), med(h2) / med(s2) }' "$out"
echo "# done $(date -u +%FT%TZ); load $(cut -d' ' -f1-3 /proc/loadavg)"
