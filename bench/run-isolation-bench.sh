#!/usr/bin/env bash
# Issue 11's fault-isolation benchmark (section `isolation` of StartupBench, class IsolationBench):
# p50/p99 of an untouched plugin route (/api/p0/hello, wrk -t1 -c4) at idle and while 300 clients
# (wrk -t2 -c300) hit a healthy plugin (control), (a) a plugin whose init fails, (b) a plugin whose
# init hangs (before and after backend.startup.initTimeout), (c) a plugin whose PostgreSQL is down.
#
#   bench/run-isolation-bench.sh                                  # fail,hang,db; 3 rounds of 15 s (~15 min)
#   bench/run-isolation-bench.sh --isolation db --isolation-rounds 5
#   bench/run-isolation-bench.sh --isolation-seconds 10 --init-timeout 60000 --isolation-clients 300
#
# Same environment as run-startup-bench.sh (GR_RUNTIME_JAR, GR_BENCH_WORK, GR_BENCH_TARGET,
# GR_BENCH_M2); needs features/target/runtime.jar and wrk (apt-get install -y wrk).
exec "$(cd "$(dirname "$0")" && pwd)/run-startup-bench.sh" --sections isolation "$@"
