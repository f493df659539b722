#!/usr/bin/env bash
# Replays records a service parked on its dead-letter topic (msp.dead-letter.<service>) to the topics they
# came from, once their cause is fixed. Consumers are idempotent by event id, so replaying an event that was
# applied before changes nothing, and running this twice is harmless.
#
#   deploy/ops/replay-dlq.sh <service> [--since <ISO instant>|<ISO duration, e.g. PT1H>] [--id <event id>]... [--dry-run]
#
# <service>: project-service, partner-service, esg-review-service or notification-service.
# The broker is KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092, the one deploy/local/up.sh starts).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
if [ ! -d deploy/infra/target/classes ] || [ ! -d deploy/kafka-dist/target/lib ]; then
  ./mvnw -B -q -pl deploy/kafka-dist,deploy/infra -am package -DskipTests
fi
exec java -cp "deploy/infra/target/classes:deploy/kafka-dist/target/lib/*" org.msp.infra.DeadLetterReplay "$@"
