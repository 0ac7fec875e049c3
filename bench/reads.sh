#!/usr/bin/env bash
# Read throughput and latency of the hot reads at 64 connections (wrk), each beside pgbench running the endpoint's own
# SQL (bench/sql/*.sql) against the same PostgreSQL, in the same run. Prints a Markdown table for BENCHMARKS.md.
#
#   ./run &                 # the suite, seeds loaded (PostgreSQL on localhost:54329, services on 8081-8083)
#   bench/reads.sh          # PRIME_SECONDS=180 DURATION=20 WARMUP=5 ROUNDS=2 CONNECTIONS=64 ONLY=FYP13 override the defaults
#
# pgbench runs prepared (-M prepared), as the JDBC driver runs a statement from its fifth use on.
# Needs wrk and pgbench: apt-get install wrk postgresql-client. Not part of ./mvnw verify: numbers are reported, not
# asserted.
set -euo pipefail
cd "$(dirname "$0")/.."

PRIME_SECONDS=${PRIME_SECONDS:-180}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-2}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
INDICATOR=${INDICATOR_URL:-http://localhost:8081}
PROJECT=${PROJECT_URL:-http://localhost:8082}
. bench/common.sh

needs "apt-get install wrk postgresql-client curl" wrk pgbench curl
answers indicator-service "$INDICATOR/api/v1/plans?size=1"

# name | URL | database | pgbench script (empty: no side-by-side figure) | request header
# A read is answered from memory while the data is unchanged (ReadCacheFilter), after one statement that asks
# PostgreSQL for its snapshot (bench/sql/data-version.sql); "computed" sends Cache-Control: no-cache, which makes the
# service compute the answer as on the first read after a write (simultaneous ones share a computation in progress,
# so at 64 connections this is how fast a burst of first reads is answered, not one computation per request).
NO_CACHE="Cache-Control: no-cache"
READS=(
  "FYP13 indicators, page of 20|$INDICATOR/api/v1/plans/FYP13/indicators?size=20|planmonitor_indicator|bench/sql/data-version.sql|"
  "FYP13 indicators, page of 20, computed|$INDICATOR/api/v1/plans/FYP13/indicators?size=20|planmonitor_indicator|bench/sql/indicator-page-one-statement.sql|$NO_CACHE"
  "project by id|$PROJECT/api/v1/projects/FYP13-KP-01|planmonitor_project|bench/sql/data-version.sql|"
  "project by id, computed|$PROJECT/api/v1/projects/FYP13-KP-01|planmonitor_project|bench/sql/project-by-id-one-statement.sql|$NO_CACHE"
  "an indicator|$INDICATOR/api/v1/indicators/FYP13-01|||"
  "an indicator, computed|$INDICATOR/api/v1/indicators/FYP13-01|||$NO_CACHE"
  "FYP12 evaluation|$INDICATOR/api/v1/plans/FYP12/evaluation|||"
  "FYP12 evaluation, computed|$INDICATOR/api/v1/plans/FYP12/evaluation|||$NO_CACHE"
  "DRC's indicators|$INDICATOR/api/v1/departments/DRC/indicators|||"
  "DRC's indicators, computed|$INDICATOR/api/v1/departments/DRC/indicators|||$NO_CACHE"
  "FYP13-KEY projects, page of 20|$PROJECT/api/v1/projects?list=FYP13-KEY&size=20|||"
  "FYP13-KEY projects, page of 20, computed|$PROJECT/api/v1/projects?list=FYP13-KEY&size=20|||$NO_CACHE"
  "FYP13-KEY summary|$PROJECT/api/v1/project-lists/FYP13-KEY/summary?year=2017|||"
  "FYP13-KEY summary, computed|$PROJECT/api/v1/project-lists/FYP13-KEY/summary?year=2017|||$NO_CACHE"
)
# SCALE_PLAN=code adds the page of a generated plan (bench/generate.sh or bench/import.sh), beside the FYP13 page.
if [ -n "${SCALE_PLAN:-}" ]; then
  READS+=("$SCALE_PLAN indicators, page of 20|$INDICATOR/api/v1/plans/$SCALE_PLAN/indicators?size=20|||"
          "$SCALE_PLAN indicators, page of 20, computed|$INDICATOR/api/v1/plans/$SCALE_PLAN/indicators?size=20|||$NO_CACHE")
fi
# ONLY=text keeps the reads whose name contains it.
if [ -n "${ONLY:-}" ]; then
  kept=()
  for read in "${READS[@]}"; do
    [[ "${read%%|*}" == *"$ONLY"* ]] && kept+=("$read")
  done
  READS=("${kept[@]}")
fi


# wrk prints latencies as 1.23ms, 456.78us or 1.02s: in milliseconds.
millis() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 } printf "%.1f\n", v }'; }

if [ "$PRIME_SECONDS" -gt 0 ]; then
  echo "Priming for $PRIME_SECONDS s (every read in turn)..." >&2
  per=$(( PRIME_SECONDS / ${#READS[@]} + 1 ))
  for read in "${READS[@]}"; do
    IFS='|' read -r _ url _ _ header <<< "$read"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${per}s" ${header:+-H "$header"} "$url" > /dev/null
  done
fi

echo "| Read | req/s | p50 ms | p99 ms | PostgreSQL alone, the endpoint's SQL (tps) | suite ÷ PostgreSQL |"
echo "|---|---:|---:|---:|---:|---:|"
for read in "${READS[@]}"; do
  IFS='|' read -r name url database script header <<< "$read"
  rps=(); p50=(); p99=(); tps=()
  for round in $(seq 1 "$ROUNDS"); do
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" ${header:+-H "$header"} "$url" > /dev/null
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency ${header:+-H "$header"} "$url")
    if echo "$out" | grep -q "Non-2xx\|Socket errors: connect [1-9]"; then
      echo "$name: answers other than 2xx:" >&2
      echo "$out" >&2
      exit 1
    fi
    rps+=("$(echo "$out" | awk '/Requests\/sec/ { print $2 }')")
    p50+=("$(echo "$out" | awk '$1 == "50%" { print $2 }' | millis)")
    p99+=("$(echo "$out" | awk '$1 == "99%" { print $2 }' | millis)")
    if [ -n "$script" ]; then
      tps+=("$(pgbench -n -M prepared -c "$CONNECTIONS" -j "$THREADS" -T "$DURATION" -f "$script" "$database" 2> /dev/null | awk '/^tps/ { print $3 }')")
    fi
  done
  r=$(printf '%s\n' "${rps[@]}" | median)
  if [ -n "$script" ]; then
    t=$(printf '%s\n' "${tps[@]}" | median)
    ratio=$(awk -v r="$r" -v t="$t" 'BEGIN { printf "%.2f", r / t }')
    t=$(printf '%.0f' "$t")
  else
    t="–"; ratio="–"
  fi
  printf '| %s | %.0f | %s | %s | %s | %s |\n' "$name" "$r" "$(printf '%s\n' "${p50[@]}" | median)" "$(printf '%s\n' "${p99[@]}" | median)" "$t" "$ratio"
done
