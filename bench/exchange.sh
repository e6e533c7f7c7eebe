#!/usr/bin/env bash
# Open-release benchmark (not a test, issue 21): the k-anonymous release over every case of a bulk-loaded
# database (bench/rebuild.sh create load makes one of a million cases, about 14 minutes), as the server
# makes it, timed per phase against one plain read of the same rows, in a JVM with a small heap (memory
# bounded: the release streams, holding only the counts of the combinations). Read-only: it changes nothing.
# Environment: RELEASE_DB (default ketenzicht_bench_rebuild), RELEASE_USER (default ${RELEASE_DB}_mig),
# RELEASE_PASSWORD (default migrator-it-secret), RELEASE_FROM / RELEASE_TO (opening years, default 2000 / 2100),
# RELEASE_HEAP (default 256m).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${RELEASE_DB:-ketenzicht_bench_rebuild}
if [[ ! -f target/bench.classpath || "${RELEASE_COMPILE:-1}" != 0 ]]; then
  mvn -B -q test-compile
  mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
fi
cp="target/test-classes:target/classes:$(cat target/bench.classpath)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx"${RELEASE_HEAP:-256m}" -cp "$cp" nl.ketenzicht.exchange.ReleaseBench "jdbc:mysql://127.0.0.1:3306/${db}" \
  "${RELEASE_USER:-${db}_mig}" "${RELEASE_PASSWORD:-migrator-it-secret}" "${RELEASE_FROM:-2000}" "${RELEASE_TO:-2100}"
