#!/usr/bin/env bash
# Issue 26's soak: MINUTES of mixed writes and reads at a steady rate, with each service's resident memory (RSS) sampled
# every SAMPLE seconds. Runs bench/writes.sh paced: CONNECTIONS connections, each starting one round every PACE_MS ms
# (an observation PUT with If-Match, the first read of the plan's page after it, and one of OTHER_READS in turn: a
# project of project-service, the report list of report-service, the plan's evaluation). Prints the requests, errors
# and, per service, RSS at the start of the measured part and at the end, and its slope in MB per hour (least squares
# over the samples after WARMUP_MINUTES; a flat footprint is near 0).
#
#   RATE_LIMITS_ENABLED=false ./run &   # the suite, seeds loaded
#   bench/soak.sh                       # MINUTES=30 WARMUP_MINUTES=3 CONNECTIONS=8 PACE_MS=100 SAMPLE=30 override
#
# Not part of ./mvnw verify: numbers are reported, not asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

MINUTES=${MINUTES:-30}
WARMUP_MINUTES=${WARMUP_MINUTES:-3}
CONNECTIONS=${CONNECTIONS:-8}
PACE_MS=${PACE_MS:-100}
SAMPLE=${SAMPLE:-30}
INDICATOR=${INDICATOR_URL:-http://localhost:8081}
PROJECT=${PROJECT_URL:-http://localhost:8082}
REPORT=${REPORT_URL:-http://localhost:8083}
. bench/common.sh
needs "apt-get install curl openjdk-17-jdk-headless" curl java

samples=$(mktemp)
trap 'rm -f "$samples"; kill $(jobs -p) 2> /dev/null || true' EXIT
# The services' processes, as ./run starts them (their packaged jars).
declare -A PID
for service in indicator-service project-service report-service; do
  PID[$service]=$(pgrep -f "$PWD/$service/target/quarkus-app/quarkus-run.jar" | head -1)
  [ -n "${PID[$service]}" ] || { echo "$service is not running from $PWD (./run)" >&2; exit 2; }
done
(
  start=$(date +%s)
  while true; do
    line=$(( $(date +%s) - start ))
    for service in indicator-service project-service report-service; do
      line="$line $(awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/${PID[$service]}/status")"
    done
    echo "$line" >> "$samples"
    sleep "$SAMPLE"
  done
) &

OTHER_READS="$PROJECT/api/v1/projects/FYP13-KP-01,$REPORT/api/v1/reports?size=20,$INDICATOR/api/v1/plans/FYP13/evaluation" \
  PACE_MS=$PACE_MS CONNECTIONS=$CONNECTIONS WARMUP=$((WARMUP_MINUTES * 60)) DURATION=$(((MINUTES - WARMUP_MINUTES) * 60)) \
  READ_AFTER_WRITE=true bench/writes.sh | tail -1

echo "| Service | RSS after ${WARMUP_MINUTES} min (MB) | RSS at the end (MB) | slope (MB/hour) |"
echo "|---|---:|---:|---:|"
column=2
for service in indicator-service project-service report-service; do
  awk -v c=$column -v from=$((WARMUP_MINUTES * 60)) -v name=$service '
    $1 >= from { n++; x = $1 / 3600; y = $c; sx += x; sy += y; sxx += x * x; sxy += x * y; if (n == 1) first = y; last = y }
    END { slope = n > 1 ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0; printf "| %s | %.0f | %.0f | %+.1f |\n", name, first, last, slope }' "$samples"
  column=$((column + 1))
done
