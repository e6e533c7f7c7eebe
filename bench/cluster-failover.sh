#!/usr/bin/env bash
# Issue 19's fault tests on the topology of bench/cluster.sh (started here if it is not running):
#   1. kill -9 of Payara node 2 under load through HAProxy (burst limit 2 s), then its restart and
#      rejoin of the same data grid;
#   2. kill -9 of Galera node 1, the writer (burst limit 10 s), then its rejoin.
# Each run: 4 writers (unique Idempotency-Key, repeated with the same key after a failure) and 2 readers
# with a logged-in session for 45 s, the kill at 15 s; then every answered case exists exactly once, no
# reader was asked to log in again, the access log's chain verifies and the report counters equal a
# recount (ClusterFailoverBench). Prints rates and latencies before, during and after, and RSS per node.
#   bench/cluster-failover.sh          (~10 min; CLUSTER_DIR as for bench/cluster.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_DIR=${CLUSTER_DIR:-target/cluster}
WORK=target/bench
mkdir -p "$WORK"

curl -fs http://127.0.0.1:16080/health/ready >/dev/null 2>&1 || bench/cluster.sh start 2
[[ -f target/test-classes/nl/ketenzicht/bench/ClusterFailoverBench.class ]] || mvn -B -q test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test

rss() {
  for f in "$CLUSTER_DIR"/app*/pid "$CLUSTER_DIR"/galera/node*/mysqld.pid; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    printf '  %s: %s MB\n' "$(basename "$(dirname "$f")")" "$(($(ps -o rss= -p "$pid" 2>/dev/null || echo 0) / 1024))"
  done
}

run() { # $1: label, $2: kill command, $3: burst limit (s)
  echo "== $1"
  java -Xmx512m -cp "target/classes:target/test-classes:$(cat "$WORK/test.cp")" \
    -Dbench.url=http://127.0.0.1:16080/ -Dbench.admin.password=cluster-admin-password \
    -Dbench.db.url=jdbc:mysql://127.0.0.1:16300/ketenzicht -Dbench.db.user=ketenzicht_mig \
    -Dbench.db.password=cluster-migration-secret -Dbench.admin.totp-file="$CLUSTER_DIR/admin-totp.secret" \
    -Dbench.kill="$2" -Dbench.burst.limit="$3" \
    nl.ketenzicht.bench.ClusterFailoverBench 2>&1 | grep -v '^SLF4J'
  echo "RSS per node:"; rss
}

status=0
run "kill -9 of Payara node 2" "bench/cluster.sh kill-app 2" 2 || status=1
bench/cluster.sh start-app 2
grep -h "Members \[" "$CLUSTER_DIR"/app2/server.log | tail -1 || true
run "kill -9 of Galera node 1 (the writer)" "bench/cluster.sh kill-db 1" 10 || status=1
bench/cluster.sh start-db 1
bench/cluster.sh status
exit $status
