#!/usr/bin/env bash
# Dark-number benchmark: bulk-loads generated registrations into the scratch database
# ketenzicht_bench_mse and builds the maintained overlap counts, then prints
#  - the overlap table (6 partner-type lists, one year, nationally and for one police unit) read
#    from the maintained counts, against the raw baseline of grouping every registration by person,
#    both checked against the generator's truth;
#  - the estimate with 6 lists, stepwise selection and both intervals (model-conditional and BCa,
#    B = 1000), in process and over HTTP from a server started on the same database
#    (POST api/mse/estimates as a coordinator);
# with the machine's load averages next to the figures.
# Usage: bench/mse.sh [--reuse] [registrations, default 1000000]. Needs MariaDB as for the
# integration tests. --reuse keeps the database (and registrations) of the previous run.
# HTTP part: needs target/ketenzicht.war (built if missing); BENCH_PORT (18182), BENCH_RUNS (5) runs per
# region, SKIP_HTTP=1 skips it.
set -euo pipefail
cd "$(dirname "$0")/.."
reuse=false
if [[ "${1:-}" == --reuse ]]; then reuse=true; shift; fi
n="${1:-1000000}"
db=ketenzicht_bench_mse
PORT=${BENCH_PORT:-18182}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/6.2025.10/payara-micro-6.2025.10.jar}
WORK=target/bench
mkdir -p "$WORK"
$reuse || bash src/test/db/create-test-db.sh "$db"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "load before: $(uptime)"
java -Xmx3g -cp "$cp" nl.ketenzicht.linkage.OverlapBench \
  "jdbc:mysql://127.0.0.1:3306/$db" "${db}_mig" migrator-it-secret "$n" "${db}_app" 2>&1 | grep --line-buffered -v 'SLF4J\|opentelemetry\|OpenTelemetry'
[[ -n ${SKIP_HTTP:-} ]] && exit 0

[[ -f target/ketenzicht.war ]] || mvn -B -q -o package -DskipTests
app_pid=
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; true' EXIT
env KETENZICHT_MODE=production KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$db" \
  KETENZICHT_DB_USER="${db}_app" KETENZICHT_DB_PASSWORD=app-it-secret \
  KETENZICHT_DB_MIGRATION_USER="${db}_mig" KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret \
  KETENZICHT_LINKAGE_SECRET=bench-linkage-secret KETENZICHT_ADMIN_PASSWORD=bench-admin-password \
  java -Xmx1g -jar "$MICRO_JAR" --nocluster --port "$PORT" --contextroot / --deploy target/ketenzicht.war \
  >"$WORK/mse-server.log" 2>&1 &
app_pid=$!
for _ in $(seq 1 900); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]] && break
  kill -0 "$app_pid" 2>/dev/null || { echo "the server stopped; see $WORK/mse-server.log" >&2; exit 1; }
  sleep 0.5
done
java -Xmx512m -cp "$cp" -Dbench.url="http://127.0.0.1:$PORT/" -Dbench.admin.password=bench-admin-password \
  -Dbench.admin.totp-file="$WORK/admin-totp.secret" -Dbench.runs="${BENCH_RUNS:-5}" nl.ketenzicht.bench.MseHttpBench 2>&1 | grep --line-buffered -v '^SLF4J'
echo "load after: $(uptime)"
