#!/usr/bin/env bash
# Rebuild benchmark (not a test): a bulk load of synthetic cases through the application's own
# generator and bulk writer (nl.ketenzicht.synthetic: cases, parties, chain, aangifte history,
# runaway episodes, care referrals) into a scratch database, then AggregateRebuild timed per step:
# everything derived from the base tables (measures 1–3 facts and counters, the victim, runaway and
# care facts of measures 4–6, the measure-4 counters, the overlap counts), as the application runs it after a
# bulk load: shadow tables filled on parallel connections and swapped in with one RENAME TABLE (RebuildBench).
# Raises innodb_buffer_pool_size for the run (as bench/reports.sh does) and restores it afterwards.
# Usage: bench/rebuild.sh [phases...]   (default: create load rebuild)
# Phase compare: the rebuild of REBUILD_BEFORE (a commit, default main's first parent of this change) and then
# the current one on the same data, each followed by a content checksum of every derived table (RebuildBench); the
# checksums must be equal (the script fails otherwise) and the totals give the ratio new / old on the same machine state.
# Environment: REBUILD_DB (scratch database, default ketenzicht_bench_rebuild), REBUILD_CASES (default
# 1000000), REBUILD_ROUNDS (rebuilds in a row, default 1), REBUILD_POOL (buffer pool bytes, default 4 GiB),
# REBUILD_REDO (innodb_log_file_size for the run, default 1 GiB), REBUILD_BEFORE (see compare).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${REBUILD_DB:-ketenzicht_bench_rebuild}
url="jdbc:mysql://127.0.0.1:3306/${db}"
cases=${REBUILD_CASES:-1000000}
phases=("${@:-create load rebuild}")
phases=(${phases[*]})
has() { [[ " ${phases[*]} " == *" $1 "* ]]; }

original_pool=$(mysql -uroot -Nse 'SELECT @@innodb_buffer_pool_size')
original_redo=$(mysql -uroot -Nse 'SELECT @@innodb_log_file_size')
restore() {
  mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = ${original_pool}, GLOBAL innodb_log_file_size = ${original_redo}"
  echo "buffer pool and redo log restored to ${original_pool} / ${original_redo} bytes"
}
trap restore EXIT
# The redo log bounds how much a bulk insert can write before InnoDB must flush pages to move its checkpoint:
# MariaDB's default of 96 MiB stalls the load and the rebuild; the size is dynamic since MariaDB 10.9.
mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = ${REBUILD_POOL:-4294967296}, GLOBAL innodb_log_file_size = ${REBUILD_REDO:-1073741824}"

if [[ ! -f target/bench.classpath || -n "${REBUILD_COMPILE:-1}" && "${REBUILD_COMPILE:-1}" != 0 ]]; then
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

if has create; then
  # create-test-db.sh makes the accounts ${db}_app and ${db}_mig for this database only.
  src/test/db/create-test-db.sh "$db"
fi
if has load; then
  migrate=(); has create && migrate=(--migrate)
  java -Xmx1g -Dload.app.user="${db}_app" -cp "$cp" nl.ketenzicht.bench.LoadWorld "$url" "${db}_mig" migrator-it-secret \
    "$cases" 1 "${migrate[@]}"
  mysql -uroot "$db" -e "ANALYZE TABLE case_file, case_exploitation_form, party, chain_event, aangifte_event, aangifte_reason,
    victim_vulnerability, runaway_episode, care_referral, registration" >/dev/null
  mysql -uroot "$db" -e "SELECT kind, COUNT(*) FROM party GROUP BY kind; SELECT (SELECT COUNT(*) FROM chain_event) chain_events,
    (SELECT COUNT(*) FROM aangifte_event) aangifte_events, (SELECT COUNT(*) FROM runaway_episode) runaways,
    (SELECT COUNT(*) FROM care_referral) referrals, (SELECT COUNT(*) FROM registration) registrations"
fi
if has rebuild; then
  java -Xmx512m -cp "$cp" nl.ketenzicht.reports.aggregates.RebuildBench "$url" "${db}_mig" migrator-it-secret "${REBUILD_ROUNDS:-1}"
fi
if has compare; then
  before=${REBUILD_BEFORE:-2ab0585}
  old=target/rebuild-before
  rm -rf "$old" && mkdir -p "$old/src" "$old/classes"
  pkg=src/main/java/nl/ketenzicht/reports/aggregates
  for f in $(git ls-tree --name-only "$before" "$pkg/"); do git show "$before:$f" >"$old/src/$(basename "$f")"; done
  javac -nowarn -d "$old/classes" -cp "$cp" "$old"/src/*.java
  for side in before after; do
    side_cp=$cp; [[ $side == before ]] && side_cp="$old/classes:$cp"
    # Both sides start as after a bulk load, from empty derived tables (InnoDB bulk-loads only an empty table).
    for t in report_funnel report_funnel_delta report_case_fact report_party_fact report_victim_count report_runaway_fact \
      report_care_fact report_victim_fact overlap_count registration_count; do mysql -uroot "$db" -e "TRUNCATE TABLE $t"; done
    echo "== $side ($([[ $side == before ]] && echo "$before" || git rev-parse --short HEAD)), load average $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx512m -cp "$side_cp" nl.ketenzicht.reports.aggregates.RebuildBench "$url" "${db}_mig" migrator-it-secret 1 \
      | tee "target/rebuild-$side.txt"
  done
  if diff <(grep '^  checksum' target/rebuild-before.txt) <(grep '^  checksum' target/rebuild-after.txt); then
    echo "checksums equal"
  else
    echo "CHECKSUMS DIFFER" >&2
    exit 1
  fi
  awk '/^TOTAL/ { t[++n] = $2 } END { if (n == 2) printf "rebuild after / before = %.1f / %.1f s = %.2f\n", t[2], t[1], t[2] / t[1] }' \
    target/rebuild-before.txt target/rebuild-after.txt
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
