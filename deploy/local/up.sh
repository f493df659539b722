#!/usr/bin/env bash
# Starts the whole MSP pipeline platform on this machine, in the background: PostgreSQL (embedded,
# or the external server named by MSP_PG_URL), Apache Kafka (KRaft), Keycloak with the realm `msp`,
# the four services and the web portal. Builds what is missing first, waits until every part is ready, prints the
# URLs and demo users, and exits. Running it again judges each part by whether it answers (PostgreSQL
# SELECT 1, a Kafka request, Keycloak's realm, each service's /q/health/ready), not by a live PID:
# what answers is left alone, what does not is stopped if still running and started anew (and named).
# Stop everything with deploy/local/down.sh (add --purge to also delete the local state).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${MSP_STATE_DIR:-$ROOT/.local}
cd "$ROOT"

if ! command -v java >/dev/null 2>&1; then
  echo "A JDK 17 or newer is needed (java was not found on PATH)." >&2
  exit 1
fi

services=${MSP_SERVICES:-project-service,partner-service,esg-review-service,notification-service}
built() {
  for module in ${services//,/ }; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 1
  done
  [ -f web-portal/target/quarkus-app/quarkus-run.jar ] || [ -n "${MSP_NO_PORTAL:-}" ] || return 1
  [ -d deploy/infra/target/lib ] && [ -d deploy/kafka-dist/target/lib ]
}
if ! built; then
  echo "Building the platform (first run only; a few minutes)..."
  ./mvnw -B -q package -DskipTests
fi

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
kc_zip="$STATE/downloads/keycloak-quarkus-dist-$kc_version.zip"
if [ ! -f "$kc_zip" ]; then
  echo "Fetching the Keycloak $kc_version distribution from Maven Central (first run only)..."
  ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
    -DoutputDirectory="$STATE/downloads"
fi

echo "Starting the MSP pipeline platform (state in $STATE)..."
MSP_STATE_DIR="$STATE" exec java -Xmx128m -XX:+UseSerialGC \
  -cp "deploy/infra/target/classes:deploy/infra/target/lib/*" \
  -Dmsp.root="$ROOT" -Dmsp.keycloak.zip="$kc_zip" \
  org.msp.infra.LocalPlatform
