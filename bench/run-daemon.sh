#!/usr/bin/env bash
# Main-job load harness: dispatch lag of 1,000 due rows, and one poll cycle over 1,000 feeds answering 304.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.herald.bench.DaemonBenchmarks "$@"
