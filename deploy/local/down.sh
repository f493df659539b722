#!/usr/bin/env bash
# Stops what deploy/local/up.sh started, by the PIDs it recorded: the services first, then Keycloak,
# Kafka and PostgreSQL (each group in parallel), and a PostgreSQL server left running without its
# launcher. With --purge it also deletes the local state (databases, topics, Keycloak data, logs);
# downloaded distributions are kept.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
STATE=${MSP_STATE_DIR:-$ROOT/.local}
purge=false
for arg in "$@"; do
  case "$arg" in
    --purge) purge=true ;;
    *) echo "usage: $0 [--purge]" >&2; exit 2 ;;
  esac
done

stop_part() {
  local part=$1 file="$STATE/run/$1.pid"
  [ -f "$file" ] || return 0
  local pid
  pid=$(tr -dc '0-9' < "$file")
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    echo "stopping $part (pid $pid)"
    # each part runs in its own session (setsid): signal its whole group, e.g. Keycloak's JVM under kc.sh
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
    for _ in $(seq 1 60); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      echo "  $part did not stop within 30 s: killing it"
      kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null
    fi
  fi
  rm -f "$file"
}

# PostgreSQL's server detaches into a session of its own: if its launcher was killed hard, the server
# still runs and is found only through the data folder's postmaster.pid. SIGINT is its fast shutdown.
stop_leftover_postmaster() {
  local file="$STATE/postgres/data/postmaster.pid" pid
  [ -f "$file" ] || return 0
  pid=$(head -n 1 "$file" | tr -dc '0-9')
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  # only a live postgres process: the PID of a stale file may belong to another program by now
  case "$(ps -o stat= -p "$pid" 2>/dev/null)" in Z*|"") return 0 ;; esac
  [ "$(basename "$(ps -o comm= -p "$pid" 2>/dev/null)")" = postgres ] || return 0
  echo "stopping the postgresql server left without its launcher (pid $pid)"
  kill -INT "$pid" 2>/dev/null
  for _ in $(seq 1 60); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "  the postgresql server did not stop within 30 s: killing it"
    kill -KILL "$pid" 2>/dev/null
  fi
}

# the portal and the services first (in parallel), so they stop while Kafka and the database are still there;
# every instance of a service has a PID file of its own (project-service, project-service-2, ...)
for file in "$STATE"/run/*.pid; do
  part=$(basename "$file" .pid)
  case "$part" in keycloak|kafka|postgresql|'*') continue ;; esac
  stop_part "$part" &
done
wait
stop_part keycloak &
stop_part kafka &
{ stop_part postgresql; stop_leftover_postmaster; } &
wait

if $purge; then
  echo "deleting local state in $STATE (keeping $STATE/downloads)"
  find "$STATE" -mindepth 1 -maxdepth 1 ! -name downloads -exec rm -rf {} + 2>/dev/null
fi
echo "stopped"
