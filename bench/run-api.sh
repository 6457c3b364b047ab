#!/usr/bin/env bash
# API and review harness: POST /api/v1/stories to the fake X's call with default settings (p50/p99), and GET /review
# with 10,000 held rows, and GET /calendar (a week) with 10,000 rows. Argument: how many API stories (default 40), or
# "calendar" for the calendar measurement alone.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java -XX:+UseSerialGC -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.herald.bench.ApiAndReviewBenchmarks "$@"
