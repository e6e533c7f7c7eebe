#!/usr/bin/env bash
# Cold-start benchmark of the packaged application on Payara Micro against the local MariaDB.
#
#   bench/startup.sh [-n RUNS] [VARIANT ...]      (default: 3 runs of the variant "best")
#   bench/startup.sh -n 3 all                     (every variant, one table at the end)
#
# Measures, per run: wall time from process start to the first 200 on /health/ready, the CPU time
# the JVM used until then, Payara's own "ready in" figure, and the resident set size after
# IDLE_SECONDS of idling. Prints every run (with the load average before it) and the median per
# variant. Stop it with Ctrl-C, which also stops the server under test. Builds nothing: it expects target/ketenzicht.war (mvn package).
# Every run starts on a freshly created database, so every run includes the Flyway migrations.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=3
while getopts "n:" opt; do
  case $opt in
    n) runs=$OPTARG ;;
    *) echo "usage: $0 [-n RUNS] [VARIANT ...]" >&2; exit 2 ;;
  esac
done
shift $((OPTIND - 1))

PAYARA_VERSION=${PAYARA_VERSION:-6.2025.10}
MICRO_JAR=${MICRO_JAR:-$HOME/.m2/repository/fish/payara/extras/payara-micro/$PAYARA_VERSION/payara-micro-$PAYARA_VERSION.jar}
WAR=target/ketenzicht.war
DB=ketenzicht_bench
PORT=${BENCH_PORT:-18080}
IDLE_SECONDS=${IDLE_SECONDS:-20}
TIMEOUT_SECONDS=${TIMEOUT_SECONDS:-120}
WORK=target/bench
ROOTDIR=$WORK/micro-root
CDS_ARCHIVE=$WORK/payara-micro.jsa

[[ -f $WAR ]] || { echo "missing $WAR: run 'mvn package -DskipTests' first" >&2; exit 1; }
[[ -f $MICRO_JAR ]] || { echo "missing $MICRO_JAR: run 'mvn dependency:resolve' or any 'mvn verify' first" >&2; exit 1; }
mkdir -p "$WORK"

# The options we tried. Each variant is "JVM options | launch mode | Payara Micro options".
# "jar": java -jar payara-micro.jar --deploy the WAR (unpacks the runtime to /tmp and deploys the
# WAR on every start). "launcher": a runtime unpacked once into $ROOTDIR (--rootdir,
# --outputlauncher) in which the WAR was deployed once by a --warmup start, so that a start only
# boots what is already there.
declare -A VARIANTS=(
  [baseline]="|jar|--nocluster"
  [nohazelcast]="|jar|--nohazelcast"
  [heap256]="-Xmx256m -Xss512k|jar|--nohazelcast"
  [c1]="-Xmx256m -Xss512k -XX:TieredStopAtLevel=1|jar|--nohazelcast"
  [serialgc]="-Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC|jar|--nohazelcast"
  [launcher]="-Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC|launcher|--nohazelcast"
  [cds]="-Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:SharedArchiveFile=$CDS_ARCHIVE|launcher|--nohazelcast"
)
ORDER=(baseline nohazelcast heap256 c1 serialgc launcher cds)
VARIANTS[best]=${VARIANTS[cds]}
LAUNCHER_JVM="-Xmx256m -Xss512k -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"

# Unpacks the runtime and deploys the WAR into it once; redone when the WAR is newer.
prepare_launcher() {
  [[ -f $ROOTDIR/launch-micro.jar && $ROOTDIR/launch-micro.jar -nt $WAR ]] && return
  echo "# unpacking Payara Micro into $ROOTDIR and deploying the WAR there (--warmup)" >&2
  rm -rf "$ROOTDIR" "$CDS_ARCHIVE"
  java -jar "$MICRO_JAR" --rootdir "$ROOTDIR" --outputlauncher >"$WORK/outputlauncher.log" 2>&1
  fresh_database
  # shellcheck disable=SC2086
  env "${APP_ENV[@]}" java $LAUNCHER_JVM -jar "$ROOTDIR/launch-micro.jar" --nohazelcast --port "$PORT" \
    --contextroot / --deploy "$WAR" --warmup >"$WORK/warmup.log" 2>&1
}

# A dynamic AppCDS archive of the classes loaded while booting the prepared runtime: --warmup
# boots it and exits, which is when the JVM writes the archive.
prepare_cds() {
  prepare_launcher
  [[ -f $CDS_ARCHIVE ]] && return
  echo "# building the class-data sharing archive $CDS_ARCHIVE" >&2
  fresh_database
  # shellcheck disable=SC2086
  env "${APP_ENV[@]}" java $LAUNCHER_JVM -XX:ArchiveClassesAtExit="$CDS_ARCHIVE" -jar "$ROOTDIR/launch-micro.jar" \
    --nohazelcast --port "$PORT" --warmup >"$WORK/cds-build.log" 2>&1
}

fresh_database() {
  bash src/test/db/create-test-db.sh "$DB" ketenzicht_app ketenzicht_migrator >/dev/null
}

# The application's settings, passed with env(1) so that a backgrounded start's $! is the JVM itself.
APP_ENV=(KETENZICHT_MODE=production
  KETENZICHT_DB_URL="jdbc:mysql://127.0.0.1:3306/$DB"
  KETENZICHT_DB_USER=ketenzicht_app KETENZICHT_DB_PASSWORD=app-it-secret
  KETENZICHT_DB_MIGRATION_USER=ketenzicht_migrator KETENZICHT_DB_MIGRATION_PASSWORD=migrator-it-secret
  KETENZICHT_LINKAGE_SECRET=bench-linkage-secret KETENZICHT_ADMIN_PASSWORD=bench-admin-password)

median() {
  sort -n | awk '{a[NR]=$1} END {if (NR % 2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'
}

# One run: appends "seconds_to_ready cpu_seconds_to_ready payara_ready_seconds rss_mb load" to $2.
# CPU seconds (user + system of the JVM until ready) vary much less than wall time when other work
# shares the two cores, so compare variants by them too.
run_once() {
  local name=$1 out=$2 jvm mode micro log pid start end ready rss cpu load
  IFS='|' read -r jvm mode micro <<<"${VARIANTS[$name]}"
  local -a what=(-jar "$MICRO_JAR" $micro --port "$PORT" --contextroot / --deploy "$WAR")
  [[ $mode == launcher ]] && what=(-jar "$ROOTDIR/launch-micro.jar" $micro --port "$PORT")
  log=$WORK/$name.log
  fresh_database
  load=$(cut -d' ' -f1 /proc/loadavg)
  start=$(date +%s%N)
  # shellcheck disable=SC2086 # the option strings are meant to split into words
  env "${APP_ENV[@]}" java $jvm "${what[@]}" >"$log" 2>&1 &
  pid=$!
  app_pid=$pid
  until [[ $(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/health/ready" || true) == 200 ]]; do
    if ! kill -0 "$pid" 2>/dev/null || (($(date +%s%N) - start > TIMEOUT_SECONDS * 1000000000)); then
      kill "$pid" 2>/dev/null || true
      app_pid=
      return 1
    fi
    sleep 0.1
  done
  end=$(date +%s%N)
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$pid/stat")
  sleep "$IDLE_SECONDS"
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  app_pid=
  ready=$(grep -o 'ready in [0-9,]* (ms' "$log" | tr -dc '0-9' || true)
  awk -v t=$((end - start)) -v c="$cpu" -v p="${ready:-0}" -v r="$rss" -v l="$load" \
    'BEGIN {printf "%.1f %.1f %.1f %d %s\n", t / 1e9, c, p / 1000, r, l}' >>"$out"
}

app_pid=
trap '[[ -n $app_pid ]] && kill "$app_pid" 2>/dev/null; true' EXIT
if ss -ltn "sport = :$PORT" | grep -q LISTEN; then
  echo "port $PORT is in use; set BENCH_PORT" >&2
  exit 1
fi

(($# == 0)) && set -- best
[[ $1 == all ]] && set -- "${ORDER[@]}"
summary=()
for name in "$@"; do
  [[ -n ${VARIANTS[$name]:-} ]] || { echo "unknown variant $name; known: ${ORDER[*]} best" >&2; exit 2; }
  [[ ${VARIANTS[$name]} == *"|launcher|"* ]] && prepare_launcher
  [[ ${VARIANTS[$name]} == *SharedArchiveFile* ]] && prepare_cds
  echo "== $name: ${VARIANTS[$name]}"
  : >"$WORK/$name.runs"
  for ((i = 1; i <= runs; i++)); do
    if ! run_once "$name" "$WORK/$name.runs"; then
      echo "  run $i: failed (see $WORK/$name.log)"
      continue
    fi
    read -r t c p r l < <(tail -1 "$WORK/$name.runs")
    printf '  run %d: ready after %5.1f s, %5.1f s CPU (Payara says %4.1f s), idle RSS %4d MB, load before %s\n' \
      "$i" "$t" "$c" "$p" "$r" "$l"
  done
  mt=$(cut -d' ' -f1 "$WORK/$name.runs" | median)
  mc=$(cut -d' ' -f2 "$WORK/$name.runs" | median)
  mr=$(cut -d' ' -f4 "$WORK/$name.runs" | median)
  printf '  median: %.1f s to ready, %.1f s CPU, %d MB idle RSS\n' "$mt" "$mc" "$mr"
  summary+=("$(printf '| %-12s | %5.1f s | %5.1f s | %5d MB | %s |' "$name" "$mt" "$mc" "$mr" "${VARIANTS[$name]}")")
done

echo
echo "| variant      | ready   | CPU     | RSS      | JVM options | launch | Payara options |"
echo "|--------------|---------|---------|----------|-------------|--------|----------------|"
printf '%s\n' "${summary[@]}"
