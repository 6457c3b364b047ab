#!/usr/bin/env bash
# Runs Herald's JMH benchmarks. Extra arguments go to JMH, e.g. `bench/run.sh -t 2` for two threads,
# or `bench/run.sh CondenseComposeBenchmark.page`.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
