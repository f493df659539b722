#!/usr/bin/env bash
# Replays records a service parked on its dead-letter topic (msp.dead-letter.<service>) to the topics they
# came from, once their cause is fixed. Consumers are idempotent by event id, so replaying an event that was
# applied before changes nothing, and running this twice is harmless.
#
#   deploy/ops/replay-dlq.sh <service> [--since <ISO instant>|<ISO duration, e.g. PT1H>] [--id <event id>]... [--dry-run]
#
# <service>: project-service, partner-service, esg-review-service or notification-service.
# The broker is KAFKA_BOOTSTRAP_SERVERS (default 127.0.0.1:9092, the one deploy/local/up.sh starts). Replaying
# writes to other services' topics, which only the operator may: its login is KAFKA_SECURITY_PROTOCOL
# (SASL_PLAINTEXT), KAFKA_SASL_MECHANISM (SCRAM-SHA-512) and KAFKA_SASL_JAAS_CONFIG
# ('org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="...";').
# When KAFKA_SASL_JAAS_CONFIG is not set, the local run's operator login is used
# ($MSP_STATE_DIR/kafka/clients/admin.properties, default .local/...), with its broker address.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
STATE=${MSP_STATE_DIR:-$ROOT/.local}
admin_config="$STATE/kafka/clients/admin.properties"
if [ -z "${KAFKA_SASL_JAAS_CONFIG:-}" ] && [ -r "$admin_config" ]; then
  setting() { sed -n "s/^$1=//p" "$admin_config"; }
  export KAFKA_BOOTSTRAP_SERVERS=${KAFKA_BOOTSTRAP_SERVERS:-$(setting bootstrap.servers)}
  export KAFKA_SECURITY_PROTOCOL=${KAFKA_SECURITY_PROTOCOL:-$(setting security.protocol)}
  export KAFKA_SASL_MECHANISM=${KAFKA_SASL_MECHANISM:-$(setting sasl.mechanism)}
  KAFKA_SASL_JAAS_CONFIG=$(setting sasl.jaas.config)
  export KAFKA_SASL_JAAS_CONFIG
fi
if [ ! -d deploy/infra/target/classes ] || [ ! -d deploy/kafka-dist/target/lib ]; then
  ./mvnw -B -q -pl deploy/kafka-dist,deploy/infra -am package -DskipTests
fi
exec java -cp "deploy/infra/target/classes:deploy/kafka-dist/target/lib/*" org.msp.infra.DeadLetterReplay "$@"
