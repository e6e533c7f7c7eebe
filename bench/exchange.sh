#!/usr/bin/env bash
# Exchange benchmark (not a test, issue 21): the k-anonymous open release, the GLOTIP/Eurostat workbook of the
# last year and the HTCDS export (JSON, CSV) over every case of a bulk-loaded database (bench/rebuild.sh create
# load makes one of a million cases, about 14 minutes), as the server makes them, timed per phase with the heap's
# peak, the release against one plain read of its rows, in a JVM with a small heap (memory bounded: the release
# holds one count per distinct row, the other files one chunk of cases). Read-only: it changes nothing.
# Usage: bench/exchange.sh [phases...]   (read release glotip htcds; default all)
# Environment: RELEASE_DB (default ketenzicht_bench_rebuild), RELEASE_USER (default ${RELEASE_DB}_mig),
# RELEASE_PASSWORD (default migrator-it-secret), RELEASE_FROM / RELEASE_TO (opening years, default 2000 / 2100),
# RELEASE_HEAP (default 256m), RELEASE_POOL (InnoDB buffer pool bytes for the run, restored afterwards; default 0:
# leave it as it is — resizing the pool of a shared server while another run's migrations execute DDL made one of
# them fail with "Insert into SYS_COLUMNS failed").
set -euo pipefail
cd "$(dirname "$0")/.."
db=${RELEASE_DB:-ketenzicht_bench_rebuild}
pool=${RELEASE_POOL:-0}
if [[ "$pool" != 0 ]]; then
  original_pool=$(mysql -uroot -Nse 'SELECT @@innodb_buffer_pool_size')
  trap 'mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = ${original_pool}"; echo "buffer pool restored to ${original_pool} bytes"' EXIT
  mysql -uroot -e "SET GLOBAL innodb_buffer_pool_size = ${pool}"
fi
if [[ ! -f target/bench.classpath || "${RELEASE_COMPILE:-1}" != 0 ]]; then
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src || echo ' + uncommitted changes'), buffer pool $(mysql -uroot -Nse 'SELECT @@innodb_buffer_pool_size') bytes, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx"${RELEASE_HEAP:-256m}" -cp "$cp" nl.ketenzicht.exchange.ReleaseBench "jdbc:mysql://127.0.0.1:3306/${db}" \
  "${RELEASE_USER:-${db}_mig}" "${RELEASE_PASSWORD:-migrator-it-secret}" "${RELEASE_FROM:-2000}" "${RELEASE_TO:-2100}" "$@"
