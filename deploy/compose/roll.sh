#!/usr/bin/env bash
# Replaces the replicas of services one at a time with containers of the image compose.yaml now names (an upgrade, a
# changed setting), each new one routed to by the proxy before the next old one stops: the service keeps answering
# throughout. Works with podman-compose and Docker Compose alike (both label containers with their project and service).
#   ./roll.sh [SERVICE ...]        default: indicator-service project-service report-service, in that order
# Environment: COMPOSE (default "podman-compose"; "docker compose" for Docker), PROJECT (default planmonitor),
# ENGINE (default podman; docker), STOP_SECONDS (default 40: the service drains for up to 30 s), READY_SECONDS (180).
set -euo pipefail
cd "$(dirname "$0")"
COMPOSE=${COMPOSE:-podman-compose} PROJECT=${PROJECT:-planmonitor} ENGINE=${ENGINE:-podman}
STOP_SECONDS=${STOP_SECONDS:-40} READY_SECONDS=${READY_SECONDS:-180}
status_port=$(sed -n 's/^PROXY_STATUS_PORT=//p' .env 2>/dev/null | tail -1)
status_url="http://127.0.0.1:${status_port:-8404}/;csv"
services=("$@")
[ ${#services[@]} -gt 0 ] || services=(indicator-service project-service report-service)

# The number of the service's replicas the proxy routes to (haproxy's status CSV: column 18 is the state).
up_count() { curl -fsS "$status_url" | awk -F, -v s="$1" '$1 == s && $2 ~ /^replica-/ && $18 == "UP"' | wc -l; }
containers() {
  $ENGINE ps -a --filter "label=com.docker.compose.project=$PROJECT" --filter "label=com.docker.compose.service=$1" \
    --format '{{.Names}}' | sort
}

for service in "${services[@]}"; do
  old=$(containers "$service")
  [ -n "$old" ] || { echo "$service has no containers in project $PROJECT" >&2; exit 1; }
  wanted=$(echo "$old" | wc -l)
  for name in $old; do
    started=$SECONDS
    echo "$service: replacing $name"
    # podman without systemd complains on stderr about healthcheck timers it cannot remove: roll.log too.
    $ENGINE stop -t "$STOP_SECONDS" "$name" >> roll.log 2>&1 || { echo "stopping $name failed (see roll.log)" >&2; exit 1; }
    $ENGINE rm "$name" >> roll.log 2>&1 || { echo "removing $name failed (see roll.log)" >&2; exit 1; }
    # Creates what is missing (this replica, from the image compose.yaml names now) and leaves the others as they are.
    # (podman-compose reports the running ones as "name already in use": its output goes to roll.log, not the terminal.)
    $COMPOSE -p "$PROJECT" up -d --no-recreate >> roll.log 2>&1 || true
    until [ "$(up_count "$service")" -ge "$wanted" ]; do
      [ $((SECONDS - started)) -lt "$READY_SECONDS" ] || { echo "$service: $name's replacement not ready within $READY_SECONDS s (see roll.log)" >&2; exit 1; }
      sleep 1
    done
    echo "$service: $name replaced and routed to after $((SECONDS - started)) s"
  done
done
