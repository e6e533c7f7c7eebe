#!/usr/bin/env bash
# Issue 19's fault tests on the topology of bench/cluster.sh (started here if it is not running):
#   0. throughput of 2 nodes without a fault (30 s of the same load), CPU per request;
#   1. kill -9 of the Payara node that holds the leases (sealer, folder) under load through HAProxy
#      (burst limit 2 s), then its restart and rejoin of the same data grid (grid size back to 2 in
#      both nodes' logs);
#   2. a token revoked, a user and an organisation disabled on the restarted node, polled on the
#      other until refused
#      (ClusterRevocationBench: token 10 s, sessions at the next request);
#   3. kill -9 of Galera node 1, the writer (burst limit 10 s), then its rejoin;
#   4. throughput of 1 node (node 2 stopped cleanly), CPU per request; node 2 started again;
#   5. the lease journal over the whole script: no two runs of the sealer or the folder overlapped.
# Each fault run: 4 writers (unique Idempotency-Key, repeated with the same key after a failure) and 2
# readers with a logged-in session for 45 s, the kill at 15 s; then every answered case exists exactly
# once, no reader was asked to log in again, the access log's chain verifies and the report counters
# equal a recount (ClusterFailoverBench). Prints rates and latencies before, during and after, RSS per node.
#   bench/cluster-failover.sh          (~15 min with the cluster's start; CLUSTER_DIR as for bench/cluster.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
export CLUSTER_DIR=${CLUSTER_DIR:-target/cluster}
WORK=target/bench
mkdir -p "$WORK"

curl -fs http://127.0.0.1:16080/health/ready >/dev/null 2>&1 || bench/cluster.sh start 2
[[ -f target/test-classes/nl/ketenzicht/bench/ClusterRevocationBench.class ]] || mvn -B -q test-compile
[[ -f $WORK/test.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile="$WORK/test.cp" -Dmdep.includeScope=test

DB_PROPS=(-Dbench.db.url=jdbc:mysql://127.0.0.1:16300/ketenzicht -Dbench.db.user=ketenzicht_mig
  -Dbench.db.password=cluster-migration-secret)
SINCE=$(mysql -h127.0.0.1 -P16300 -uketenzicht_mig -pcluster-migration-secret -Nse 'SELECT NOW(6)')
echo "start $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load average $(cut -d' ' -f1-3 /proc/loadavg)"

bench() { # $1: class, then system properties
  local class=$1
  shift
  java -Xmx512m -cp "target/classes:target/test-classes:$(cat "$WORK/test.cp")" \
    -Dbench.admin.password=cluster-admin-password -Dbench.admin.totp-file="$CLUSTER_DIR/admin-totp.secret" \
    "${DB_PROPS[@]}" "$@" "nl.ketenzicht.bench.$class" 2>&1 | grep -v '^SLF4J'
  return "${PIPESTATUS[0]}"
}

rss() {
  echo "RSS per node:"
  for f in "$CLUSTER_DIR"/app*/pid "$CLUSTER_DIR"/galera/node*/mysqld.pid; do
    [[ -f $f ]] || continue
    pid=$(cat "$f")
    printf '  %s: %s MB\n' "$(basename "$(dirname "$f")")" "$(($(ps -o rss= -p "$pid" 2>/dev/null || echo 0) / 1024))"
  done
}

ticks() { # CPU time (user + system, clock ticks) of the processes in the pid files given
  local sum=0 f pid
  for f in "$@"; do
    [[ -f $f ]] && pid=$(cat "$f") && [[ -r /proc/$pid/stat ]] || continue
    sum=$((sum + $(awk '{ print $14 + $15 }' "/proc/$pid/stat")))
  done
  echo "$sum"
}

fault() { # $1: label, $2: kill command, $3: burst limit (s)
  echo "== $1"
  bench ClusterFailoverBench -Dbench.url=http://127.0.0.1:16080/ -Dbench.kill="$2" -Dbench.burst.limit="$3" || status=1
  rss
}

throughput() { # $1: label; 30 s of the load without a fault, CPU per request of the Payara and Galera nodes
  echo "== throughput, $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local hz app0 db0 app1 db1 out requests
  hz=$(getconf CLK_TCK)
  app0=$(ticks "$CLUSTER_DIR"/app*/pid); db0=$(ticks "$CLUSTER_DIR"/galera/node*/mysqld.pid)
  out=$(bench ClusterFailoverBench -Dbench.url=http://127.0.0.1:16080/ -Dbench.seconds=30 -Dbench.kill.at=30) || status=1
  app1=$(ticks "$CLUSTER_DIR"/app*/pid); db1=$(ticks "$CLUSTER_DIR"/galera/node*/mysqld.pid)
  echo "$out" | grep -v '^during\|^after\|^error burst\|^killed'
  requests=$(echo "$out" | awk '/ requests, / { print $1; exit }')
  [[ ${requests:-0} -gt 0 ]] || { echo "no requests answered"; status=1; return 0; }
  awk -v r="$requests" -v a=$((app1 - app0)) -v d=$((db1 - db0)) -v hz="$hz" 'BEGIN {
    printf "%d requests in 30 s = %.1f/s; CPU per request: Payara %.1f ms, Galera %.1f ms (all nodes)\n",
      r, r / 30, a * 1000 / hz / r, d * 1000 / hz / r }'
}

holder() { # the Payara node that holds the sealer's lease (its holder is host:pid:random)
  local pid i
  pid=$(mysql -h127.0.0.1 -P16300 -uketenzicht_mig -pcluster-migration-secret -Nse \
    "SELECT SUBSTRING_INDEX(SUBSTRING_INDEX(holder, ':', 2), ':', -1) FROM ketenzicht.singleton_lease WHERE name = 'audit-sealer'")
  for i in 1 2; do [[ $(cat "$CLUSTER_DIR/app$i/pid") == "$pid" ]] && { echo "$i"; return; }; done
  echo 2
}

status=0
echo "== warm-up (20 s of the load, not counted): the JIT of freshly started nodes would be measured otherwise"
bench ClusterFailoverBench -Dbench.url=http://127.0.0.1:16080/ -Dbench.seconds=20 -Dbench.kill.at=20 >/dev/null || true
throughput "2 Payara nodes"
# The node that seals and folds: its leases must pass to the other within the term, and never overlap.
victim=$(holder)
other=$((3 - victim))
fault "kill -9 of Payara node $victim (holder of the leases)" "bench/cluster.sh kill-app $victim" 2
bench/cluster.sh start-app "$victim"
echo "== rejoin of Payara node $victim"
bench/cluster.sh grid 2 || status=1
echo "== revocation on node $victim, refusal on node $other"
bench ClusterRevocationBench -Dbench.node.a="http://127.0.0.1:1608$victim/" \
  -Dbench.node.b="http://127.0.0.1:1608$other/" || status=1
fault "kill -9 of Galera node 1 (the writer)" "bench/cluster.sh kill-db 1" 10
bench/cluster.sh start-db 1
bench/cluster.sh stop-app 2
sleep 3
throughput "1 Payara node"
bench/cluster.sh start-app 2
bench/cluster.sh grid 2 || status=1
echo "== lease journal since $SINCE"
bench LeaseJournal "-Dbench.since=$SINCE" || status=1
bench/cluster.sh status
echo "end $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), exit $status"
exit $status
