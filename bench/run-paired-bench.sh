#!/usr/bin/env bash
# Issue 15: Greenroom's exported runtime and the real Backstage backend started side by side for the
# same N plugins x M modules, interleaved rep by rep; medians and ratios of spawn-to-first-200 and
# peak RSS (dev.greenroom.bench.startup.PairedBench).
#
#   bench/run-paired-bench.sh                                   # 1x0,100x5,300x3, 3 reps (~3 min)
#   bench/run-paired-bench.sh --sizes 100x5 --reps 5
#   bench/run-paired-bench.sh --jvm-args "-XX:TieredStopAtLevel=1"   # extra JVM options for Greenroom
#   GR_BASELINE_JAR=/tmp/runtime-before.jar bench/run-paired-bench.sh   # + an older build, java -jar, same reps
#   GR_BASELINE_JAR=/tmp/a/runtime.jar GR_BASELINE_ALIKE=1 bench/run-paired-bench.sh  # A/B: the baseline via the same launcher
#   GR_LAUNCHER=none bench/run-paired-bench.sh                          # java -jar runtime.jar, no launcher
#
# Greenroom starts through bin/greenroom, the README's run command (its JVM options and the build's
# class-data-sharing archive), unless GR_LAUNCHER says otherwise.
#
# Needs features/target/runtime.jar (`mvn -B install -DskipTests`) and the Backstage peer installed
# with ../shared/peer/setup.sh into GR_PEER (default /work/peer; harness: GR_PEER_HARNESS, default
# the repo's ../shared/peer or /work/shared/peer).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runtime="${GR_RUNTIME_JAR:-$root/features/target/runtime.jar}"
work="${GR_BENCH_WORK:-$(mktemp -d -t greenroom-paired-bench.XXXXXX)}"
target="${GR_BENCH_TARGET:-target}"
peer="${GR_PEER:-/work/peer}"
harness="${GR_PEER_HARNESS:-}"
if [[ -z "$harness" ]]; then
  if [[ -d "$root/../shared/peer" ]]; then harness="$root/../shared/peer"; else harness=/work/shared/peer; fi
fi
m2_args=()
if [[ -n "${GR_BENCH_M2:-}" ]]; then
  m2_args=("-Dmaven.repo.local=$GR_BENCH_M2")
fi
if [[ ! -f "$runtime" ]]; then
  echo "[bench] $runtime not found: run 'mvn -B install -DskipTests' at the repo root first" >&2
  exit 1
fi
if [[ -z "${GR_BENCH_NO_BUILD:-}" ]]; then
  echo "[bench] building bench/$target/benchmarks.jar"
  (cd "$here" && mvn -B -q -Dstyle.color=never "${m2_args[@]}" package -Dgr.target="$target")
fi
echo "[bench] $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1), node $(node --version)"
launcher="${GR_LAUNCHER:-$root/bin/greenroom}"
extra=()
if [[ "$launcher" != none ]]; then extra+=(--launcher "$launcher"); fi
if [[ -n "${GR_BASELINE_JAR:-}" ]]; then extra+=(--baseline "$GR_BASELINE_JAR"); fi
if [[ -n "${GR_BASELINE_ALIKE:-}" ]]; then extra+=(--baseline-alike); fi
java -cp "$here/$target/benchmarks.jar" dev.greenroom.bench.startup.PairedBench \
  --runtime "$runtime" --work "$work" --peer "$peer" --peer-harness "$harness" "${extra[@]}" "$@"
