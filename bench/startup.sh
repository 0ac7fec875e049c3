#!/usr/bin/env bash
# Start-to-ready time and resident memory (RSS) of each packaged service: alone, then all three together. Each is
# started as ./run starts it, on spare ports, against the databases of a running ./run (PostgreSQL on
# localhost:54329), and measured: start to /q/health/ready answering 200, RSS when ready, RSS after LOAD_SECONDS of
# wrk on one of its reads.
#
#   ./run &             # once, for PostgreSQL, the databases and the keys
#   bench/startup.sh    # ROUNDS=3 LOAD_SECONDS=20 JAVA_OPTS=... override the defaults
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
LOAD_SECONDS=${LOAD_SECONDS:-20}
PGPORT=${PGPORT:-54329}
# The flags ./run gives (deploy/launcher Suite.java); JAVA_OPTS adds to them.
FLAGS=(-XX:+UseSerialGC -Xms128m -Xmx128m -XX:+AlwaysPreTouch -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError -Dvertx.disableURIValidation=true)
read -r -a EXTRA <<< "${JAVA_OPTS:-}"
# JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java runs the services on another JVM.
JAVA=${JAVA:-java}

for tool in wrk curl; do
  command -v "$tool" > /dev/null || { echo "bench/startup.sh needs $tool" >&2; exit 2; }
done
[ -f .data/keys/report-service-key-id ] || { echo "no development keys (or none for report-service yet): start ./run once" >&2; exit 2; }

declare -A PORT=([indicator-service]=18081 [project-service]=18082 [report-service]=18083)
declare -A READ=([indicator-service]=/api/v1/plans/FYP13/indicators?size=20 [project-service]=/api/v1/projects/FYP13-KP-01
                 [report-service]=/api/v1/reports?size=20)
# Services are started in subshells: their process ids go to a file, so an interrupted run stops them all.
PIDFILE=$(mktemp)
trap 'xargs -r kill 2> /dev/null < "$PIDFILE" || true; rm -f "$PIDFILE"' EXIT

start() {
  local service=$1 port=${PORT[$1]} signing=() heap=()
  # report-service's heap is larger, as ./run gives it (Suite.REPORT_HEAP_MB).
  [ "$service" != report-service ] || heap=(-Xms192m -Xmx192m)
  # Only report-service signs (its worker's service tokens), with its own development key.
  [ "$service" != report-service ] || signing=(SMALLRYE_JWT_SIGN_KEY_LOCATION="file:$PWD/.data/keys/report-service-private.pem")
  env MALLOC_ARENA_MAX=2 QUARKUS_PROFILE=local QUARKUS_HTTP_PORT="$port" MANAGEMENT_PORT=$((port + 1000)) \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/planmonitor_${service%-service}" \
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD= \
    JWT_PUBLIC_KEY_LOCATION="file:$PWD/.data/keys/development-jwks.json" JWT_ISSUER=planmonitor-development JWT_AUDIENCE=planmonitor \
    SERVICE_TOKEN_KEY_ID="$(cat .data/keys/report-service-key-id)" "${signing[@]}" \
    INDICATOR_SERVICE_URL=http://localhost:18081 PROJECT_SERVICE_URL=http://localhost:18082 REPORT_SERVICE_URL=http://localhost:18083 \
    "$JAVA" "${FLAGS[@]}" "${heap[@]}" "${EXTRA[@]}" -jar "$service/target/quarkus-app/quarkus-run.jar" > "/tmp/bench-$service.log" 2>&1 &
  echo $! >> "$PIDFILE"
  echo $!
}

stop() {
  kill "$1" 2> /dev/null || true
  while kill -0 "$1" 2> /dev/null; do sleep 0.1; done
}

ready_ms() {
  local port=$1 started=$2
  until curl -fsS -o /dev/null "http://localhost:$((port + 1000))/q/health/ready" 2> /dev/null; do sleep 0.02; done
  echo $(( ($(date +%s%N) - started) / 1000000 ))
}

rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

measure() {
  local label=$1; shift
  declare -A pid started
  for service in "$@"; do
    started[$service]=$(date +%s%N)
    pid[$service]=$(start "$service")
  done
  for service in "$@"; do
    local ms; ms=$(ready_ms "${PORT[$service]}" "${started[$service]}")
    local at_ready; at_ready=$(rss_mb "${pid[$service]}")
    echo "$label|$service|$ms|$at_ready|${pid[$service]}"
  done
}

echo "| Started | Service | start to ready (ms, median of $ROUNDS) | RSS when ready (MB) | RSS after ${LOAD_SECONDS} s of load (MB) |"
echo "|---|---|---:|---:|---:|"
for label in alone together; do
  declare -A times=() ready=() loaded=()
  for round in $(seq 1 "$ROUNDS"); do
    if [ "$label" = alone ]; then
      lines=()
      for service in indicator-service project-service report-service; do
        lines+=("$(measure alone "$service")")
        IFS='|' read -r _ s _ _ p <<< "${lines[-1]}"
        wrk -t2 -c64 -d"${LOAD_SECONDS}s" "http://localhost:${PORT[$s]}${READ[$s]}" > /dev/null
        lines[-1]="${lines[-1]}|$(rss_mb "$p")"
        stop "$p"
      done
    else
      mapfile -t lines < <(measure together indicator-service project-service report-service)
      for i in "${!lines[@]}"; do
        IFS='|' read -r _ s _ _ p <<< "${lines[$i]}"
        wrk -t2 -c64 -d"${LOAD_SECONDS}s" "http://localhost:${PORT[$s]}${READ[$s]}" > /dev/null
      done
      for i in "${!lines[@]}"; do
        IFS='|' read -r _ s _ _ p <<< "${lines[$i]}"
        lines[$i]="${lines[$i]}|$(rss_mb "$p")"
      done
      for i in "${!lines[@]}"; do
        IFS='|' read -r _ _ _ _ p _ <<< "${lines[$i]}"
        stop "$p"
      done
    fi
    for line in "${lines[@]}"; do
      IFS='|' read -r _ s ms r _ l <<< "$line"
      times[$s]="${times[$s]:-} $ms"; ready[$s]="${ready[$s]:-} $r"; loaded[$s]="${loaded[$s]:-} $l"
    done
  done
  for service in indicator-service project-service report-service; do
    med() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
    echo "| $label | $service | $(echo "${times[$service]}" | med) | $(echo "${ready[$service]}" | med) | $(echo "${loaded[$service]}" | med) |"
  done
done
