#!/usr/bin/env bash
# Dark-number benchmark: bulk-loads generated registrations into the scratch database
# ketenzicht_bench_mse and prints the time of the overlap table over them and of an estimate with
# 6 lists, stepwise selection and both intervals (model-conditional and BCa, B = 1000).
# Usage: bench/mse.sh [registrations, default 1000000]. Needs MariaDB as for the integration tests.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-1000000}"
db=ketenzicht_bench_mse
bash src/test/db/create-test-db.sh "$db"
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" nl.ketenzicht.linkage.OverlapBench \
  "jdbc:mysql://127.0.0.1:3306/$db" "${db}_mig" migrator-it-secret "$n" "${db}_app"
