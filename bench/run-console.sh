#!/usr/bin/env bash
# Console harness: /queue response times with 10,000 and 100,000 outbox rows, and sign-in to first page.
# `bench/run-console.sh startup` instead measures start-up time and idle RSS of `./herald run`, console on and off.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "startup" ]; then
  shift
  exec bench/console-startup.sh "$@"
fi
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.herald.bench.ConsoleBenchmarks "$@"
