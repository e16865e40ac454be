#!/usr/bin/env bash
# Builds bench/target/benchmarks.jar and runs the initializer benchmark (InitBenchmark):
# steady state (2 forks x 8 s warmup + 5 s measured, per shape) and cold (10 fresh JVMs, one
# backend each, per shape), shapes 100x5 and 300x3. Prints ms per plugin (with its modules).
# About 70-80 s on a 2-core machine, build included.
#
#   bench/run-init-bench.sh                        # default run
#   bench/run-init-bench.sh -p shape=1000x3        # any JMH options are passed through
#   bench/run-init-bench.sh 'InitBenchmark\.initStartStop$' -f 1   # steady state only
#   GR_BENCH_INSTALL=1 bench/run-init-bench.sh     # first install api + runtime from this tree
#
# The benchmark links the greenroom-backend-api/-runtime jars in ~/.m2. They are installed from
# the working tree (build folder target-bench, removed afterwards) when missing, or always with
# GR_BENCH_INSTALL=1, so that the sources you are looking at are the ones measured.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
m2="${HOME}/.m2/repository/dev/greenroom"

install_bundle() {
  local module="$1"
  echo "[bench] installing $module from the working tree"
  (cd "$root" && mvn -B -q -Dstyle.color=never install -DskipTests -Dgr.target=target-bench -f "bundles/$module/pom.xml")
  rm -rf "$root/bundles/$module/target-bench"
}

for module in greenroom-backend-api greenroom-backend-runtime; do
  if [[ "${GR_BENCH_INSTALL:-0}" == "1" || ! -f "$m2/$module/0.1.0-SNAPSHOT/$module-0.1.0-SNAPSHOT.jar" ]]; then
    install_bundle "$module"
  fi
done

echo "[bench] building bench/target/benchmarks.jar"
(cd "$here" && mvn -B -q -Dstyle.color=never package)

echo "[bench] $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$here/target/benchmarks.jar" dev.greenroom.bench.InitBenchReport \
  -rf json -rff "$here/target/init-bench.json" "$@"
echo "[bench] load average after: $(cut -d' ' -f1-3 /proc/loadavg); raw results: bench/target/init-bench.json"
