#!/usr/bin/env bash
# Process benchmarks of the exported runtime (dev.greenroom.bench.startup.StartupBench), not tests:
#   startup   N plugins x M modules as bundle jars in deploy/: ms from process start to the first
#             200 on /api/p0/hello and to all N answering, peak RSS (VmHWM), H2 files and Hikari
#             threads after start (sizes 1x0,10x5,100x5,300x3)
#   database  100x5 that never touch the database: with vs without the database bundles in the
#             launch, plus a control plugin that opens its pool
#   load      wrk on /api/p0/hello vs a bare Whiteboard servlet (/bare/hello) in the same Pax Web
#   isolation (not in the default run; bench/run-isolation-bench.sh) issue 11: p50/p99 of an
#             untouched plugin at idle and while 300 clients hit a failed plugin, a plugin whose init
#             hangs, a plugin whose PostgreSQL is down (and a healthy one, as the control)
#   deploy    50 new versions of p0-m0.jar moved into deploy/ (FileInstall poll 1000 and 100 ms):
#             p50/p95 until /api/p0/hello serves the new contribution; load on /api/p1/hello meanwhile
#
#   bench/run-startup-bench.sh                                   # everything (~15-25 min on 2 cores)
#   bench/run-startup-bench.sh --sections load --wrk-seconds 20  # any StartupBench option
#   GR_RUNTIME_JAR=features/target-x/runtime.jar bench/run-startup-bench.sh
#
# Needs features/target/runtime.jar: `mvn -B -o install -DskipTests` at the repo root (or give
# another build's jar in GR_RUNTIME_JAR), and wrk for the load section (apt-get install -y wrk).
# Each launch runs in a fresh folder under GR_BENCH_WORK (default: a new temp dir), kept for its
# runtime.log.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
runtime="${GR_RUNTIME_JAR:-$root/features/target/runtime.jar}"
work="${GR_BENCH_WORK:-$(mktemp -d -t greenroom-startup-bench.XXXXXX)}"
target="${GR_BENCH_TARGET:-target}"
# GR_BENCH_M2: a private Maven repository for the bench build (-Dmaven.repo.local), e.g. one seeded
# with `cp -r ~/.m2/repository` plus api/runtime installed into it, so ~/.m2 is never written.
m2_args=()
if [[ -n "${GR_BENCH_M2:-}" ]]; then
  m2_args=("-Dmaven.repo.local=$GR_BENCH_M2")
fi

if [[ ! -f "$runtime" ]]; then
  echo "[bench] $runtime not found: run 'mvn -B -o install -DskipTests' at the repo root first" >&2
  exit 1
fi
if ! command -v wrk >/dev/null; then
  echo "[bench] wrk not found: the load section is skipped (apt-get install -y wrk)" >&2
fi

echo "[bench] building bench/$target/benchmarks.jar"
(cd "$here" && mvn -B -q -Dstyle.color=never "${m2_args[@]}" package -Dgr.target="$target")

echo "[bench] $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(java -version 2>&1 | head -1)"
java -cp "$here/$target/benchmarks.jar" dev.greenroom.bench.startup.StartupBench \
  --runtime "$runtime" --work "$work" "$@"
