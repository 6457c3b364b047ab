#!/usr/bin/env bash
# Cluster harness: herald run nodes as processes on embedded PostgreSQL against the local fakes.
# Arguments: any of throughput failover idle (default: all). See BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.herald.schedule.ClusterBenchmarks "$@"
