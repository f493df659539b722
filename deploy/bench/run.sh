#!/usr/bin/env bash
# The platform benchmark (issue 9), one command: starts PostgreSQL, Kafka, Keycloak and the four
# services on free loopback ports (a bench-only state folder, nothing shared with deploy/local), measures
# startup, the write path against pgbench, open-loop pipeline latency to a webhook, notification-service's
# drain rate against Kafka's ConsumerPerformance, Kafka's ProducerPerformance, and the portal's project page
# render time with 1,000 projects in the database; stops everything (also
# on failure or Ctrl-C) and writes deploy/bench/results/latest.md and latest.json. About 12-15 minutes.
#
# Knobs (environment): BENCH_OPTS, e.g. "-Dbench.write.seconds=15 -Dbench.write.concurrency=1,8,32
# -Dbench.pipeline.rates=10,20,30,50 -Dbench.pipeline.seconds=20 -Dbench.backlog.events=100000
# -Dbench.producer.records=200000 -Dbench.service.heap=192m -Dbench.portal.projects=1000 -Dbench.portal.requests=1000
# -Dbench.documents.count=32 -Dbench.documents.mb=10 -Dbench.documents.concurrency=4";
# -Dbench.only=portalProjectPage runs startup and the named stages only, into results/only-<stages>.md.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BENCH="$ROOT/deploy/bench"
cd "$ROOT"

command -v java >/dev/null 2>&1 || { echo "A JDK 17 or newer is needed (java not on PATH)." >&2; exit 1; }
command -v javac >/dev/null 2>&1 || { echo "A JDK (javac) is needed, not only a JRE." >&2; exit 1; }

built() {
  for module in project-service partner-service esg-review-service notification-service web-portal; do
    [ -f "$module/target/quarkus-app/quarkus-run.jar" ] || return 1
  done
  [ -d deploy/infra/target/classes ] && [ -d deploy/infra/target/lib ] && [ -d deploy/kafka-dist/target/lib ]
}
if ! built; then
  echo "Building the platform first (./mvnw -B -q package -DskipTests)..."
  ./mvnw -B -q package -DskipTests
fi

# pgbench: the PostgreSQL baseline. Debian ships it in postgresql-client-<major> (postgresql-client pulls it).
have_pgbench() {
  command -v pgbench >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pgbench >/dev/null 2>&1
}
if ! have_pgbench; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "Installing pgbench (apt-get install postgresql-client)..."
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-client >/dev/null \
      || echo "WARNING: pgbench could not be installed; the write path runs without its baseline." >&2
  else
    echo "WARNING: pgbench not found (install postgresql-client); the write path runs without its baseline." >&2
  fi
fi
PGBENCH_BIN=$(command -v pgbench || ls /usr/lib/postgresql/*/bin/pgbench 2>/dev/null | tail -1 || true)

kc_version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
kc_zip="$BENCH/target/downloads/keycloak-quarkus-dist-$kc_version.zip"
if [ ! -f "$kc_zip" ]; then
  echo "Fetching the Keycloak $kc_version distribution (first run only)..."
  ./mvnw -B -q -N dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" \
    -DoutputDirectory="$BENCH/target/downloads"
  mv "$BENCH/target/downloads/keycloak-quarkus-dist-$kc_version.zip" "$kc_zip" 2>/dev/null || true
fi

# The bench is the Maven module deploy/bench, compiled afresh each run (-am rebuilds what it needs if
# stale); its package phase copies its run-time class path (the launchers of deploy/infra, the event
# contract, the Kafka tools jars with HdrHistogram, Jackson and kafka-clients) into target/lib.
rm -rf "$BENCH/target/classes" "$BENCH/target/lib"
./mvnw -B -q -pl deploy/bench -am package -DskipTests
CP="$BENCH/target/classes:$BENCH/target/lib/*"

commit=$(git rev-parse HEAD 2>/dev/null || echo unknown)
dirty=false
[ -n "$(git status --porcelain -- . ':!deploy/bench' 2>/dev/null)" ] && dirty=true

export PGBENCH="${PGBENCH_BIN:-}"
# shellcheck disable=SC2086
java -Xmx1g -XX:+UseSerialGC -cp "$CP" \
  -Dmsp.root="$ROOT" -Dmsp.keycloak.zip="$kc_zip" \
  -Dbench.git.commit="$commit" -Dbench.git.dirty="$dirty" \
  -Dlog4j2.configurationFile="$BENCH/src/main/resources/log4j2.properties" \
  ${BENCH_OPTS:-} org.msp.bench.Bench &
bench_pid=$!
# Ctrl-C or a kill of this script: the bench JVM stops every process it started (they are tied to it)
trap 'kill -TERM $bench_pid 2>/dev/null; wait $bench_pid' INT TERM
status=0
wait $bench_pid || status=$?
echo
[ -f "$BENCH/results/latest.md" ] && cat "$BENCH/results/latest.md"
exit $status
