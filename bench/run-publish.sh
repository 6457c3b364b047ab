#!/usr/bin/env bash
# Publish round-trip overhead against the local fakes (see PublishRoundTrip and BENCHMARKS.md).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.herald.bench.PublishRoundTrip "$@"
