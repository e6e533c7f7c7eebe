#!/usr/bin/env bash
# Reports benchmark (not a test): 1,000,000 generated cases over 2015–2024 in a scratch database,
# then the regional comparison of measures 1 and 2 from the maintained counters against the raw
# GROUP BY over the base tables, and the write cost of keeping the counters in the writer's
# transaction. Phase victims: synthetic victim facts for measure 4 (bench/victims-data.sql), then the
# report from its maintained counters against the former GROUP BYs over report_victim_fact.
# Raises innodb_buffer_pool_size for the run and restores it afterwards.
# Usage: bench/reports.sh [phases...]   (default: create load rebuild reads writes victims)
# Environment: REPORTS_DB (scratch database, default ketenzicht_bench_reports), REPORTS_CASES (cases
# generated, default 1000000), BENCH_JAVA_OPTS (e.g. -Dbench.rounds=3 -Dbench.seconds=15 for writes).
# A modest measure-4 run: REPORTS_CASES=100000 bench/reports.sh create load victims
set -euo pipefail
cd "$(dirname "$0")/.."
db=${REPORTS_DB:-ketenzicht_bench_reports}
url="jdbc:mysql://127.0.0.1:3306/${db}?rewriteBatchedStatements=true"
cases=${REPORTS_CASES:-1000000}
phases=("${@:-create load rebuild reads writes victims}")
phases=(${phases[*]})
has() { [[ " ${phases[*]} " == *" $1 "* ]]; }

original_pool=$(mysql -uroot -Nse 'SELECT @@innodb_buffer_pool_size')
restore() { mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = ${original_pool}"; echo "buffer pool restored to ${original_pool}"; }
trap restore EXIT
mysql -uroot -e 'SET GLOBAL innodb_buffer_pool_size = 4294967296'

mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
# create-test-db.sh makes the accounts ${db}_app and ${db}_mig for this database only.
run() { java ${BENCH_JAVA_OPTS:-} -Dbench.app="${db}_app" -cp "$cp" nl.ketenzicht.reports.ReportBench "$url" "${db}_mig" migrator-it-secret "$@"; }

if has create; then
  src/test/db/create-test-db.sh "$db"
  run migrate
fi
if has load; then
  start=$(date +%s)
  sed "s/seq_1_to_1000000/seq_1_to_${cases}/" bench/reports-data.sql | mysql -uroot "$db"
  echo "load: $(( $(date +%s) - start )) s"
  mysql -uroot "$db" -e "SELECT kind, COUNT(*) FROM party GROUP BY kind; SELECT COUNT(*) chain_events FROM chain_event;"
fi
if has victims; then
  start=$(date +%s)
  mysql -uroot "$db" < bench/victims-data.sql
  echo "victim facts: $(( $(date +%s) - start )) s"
fi
phase_args=()
for p in rebuild reads writes victims; do has "$p" && phase_args+=("$p"); done
[[ ${#phase_args[@]} -gt 0 ]] && run "${phase_args[@]}"
