#!/usr/bin/env bash
# Observation updates with If-Match at CONNECTIONS connections (issue 26's write benchmark): each connection owns one
# indicator of a plan made for the run (led by DRC) and PUTs new values of its YEARS years in turn with the ETag it last
# saw, each write followed by one read of the plan's page of indicators (the first read after a write: the read cache
# was just invalidated, so it is computed). Every write is what the API does for a department: the row lock on the
# indicator, the new revision with the old one kept as history, the audit entry (the change feed's event), and the
# read cache's invalidation. Prints writes/s and p50/p99 of the writes and of the reads after them.
#
#   RATE_LIMITS_ENABLED=false ./run &   # the suite (one client making far more requests than the per-client limits allow)
#   bench/writes.sh                     # CONNECTIONS=64 WARMUP=10 DURATION=30 YEARS=5 READ_AFTER_WRITE=true override the defaults
#                                       # (READ_AFTER_WRITE=false: writes only; PACE_MS and OTHER_READS: a steady
#                                       # rate and more reads per round, as bench/soak.sh runs it)
#
# Needs curl and java (the client is bench/WriteLoad.java, run from source). Not part of ./mvnw verify: numbers are
# reported, not asserted. On this 2-core machine the client, the services and PostgreSQL share the cores.
set -euo pipefail
cd "$(dirname "$0")/.."

CONNECTIONS=${CONNECTIONS:-64}
WARMUP=${WARMUP:-10}
DURATION=${DURATION:-30}
YEARS=${YEARS:-5}
READ_AFTER_WRITE=${READ_AFTER_WRITE:-true}
FIRST_YEAR=2021
INDICATOR=${INDICATOR_URL:-http://localhost:8081}
. bench/common.sh

needs "apt-get install curl openjdk-17-jdk-headless" curl java
answers indicator-service "$INDICATOR/api/v1/plans?size=1"

ADMIN=$(token admin)
RUN=W$(date +%s | tail -c 7)
PLAN="BENCH-$RUN"
PREFIX="$PLAN-"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The plan, CONNECTIONS indicators led by DRC and their values of YEARS years, through the import API (not timed).
{
  echo "code,kind,startYear,endYear,titleZh,titleEn,parent"
  echo "$PLAN,FIVE_YEAR,$FIRST_YEAR,$((FIRST_YEAR + 4)),写入基准规划,Write benchmark plan,"
} > "$work/plans.csv"
{
  echo "code,plan,seq,nameZh,nameEn,category,unit,attribute,direction,departments,targetText,targetKind,targetReference,series,footnoteZh,footnoteEn"
  for i in $(seq 1 "$CONNECTIONS"); do
    printf '%s%03d,%s,%d,写入基准指标%d,Write benchmark indicator %d,ECONOMY,亿元,EXPECTED,INCREASE,DRC:LEAD,1000,REACH,,,,\n' "$PREFIX" "$i" "$PLAN" "$i" "$i" "$i"
  done
} > "$work/indicators.csv"
{
  echo "indicator,year,periodStart,value,growthRate,priceBasis,status,qualitativeZh,qualitativeEn,comparable,source,note"
  for i in $(seq 1 "$CONNECTIONS"); do
    for y in $(seq 0 $((YEARS - 1))); do
      printf '%s%03d,%d,,100,,,PRELIMINARY,,,true,,\n' "$PREFIX" "$i" $((FIRST_YEAR + y))
    done
  done
} > "$work/observations.csv"
for entity in plans indicators observations; do
  curl -fsS -o /dev/null -H "Authorization: Bearer $ADMIN" -H 'Content-Type: text/csv' --data-binary @"$work/$entity.csv" \
       "$INDICATOR/api/v1/imports?entity=$entity"
done

echo "plan $PLAN: $CONNECTIONS indicators × $YEARS years; $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s measured; read after write: $READ_AFTER_WRITE"
java bench/WriteLoad.java "$INDICATOR" "$ADMIN" "$PLAN" "$PREFIX" "$CONNECTIONS" "$WARMUP" "$DURATION" "$FIRST_YEAR" "$YEARS" "$READ_AFTER_WRITE" \
  "${PACE_MS:-0}" "${OTHER_READS:-}"

# The same statements straight from pgbench (bench/sql/observation-write.sql), CONNECTIONS clients each on its own
# indicator of the same plan, for the ratio of the API to PostgreSQL alone. PGBENCH=false skips it. They add revisions
# and audit entries (subject pgbench) to the run's plan, as the API's writes do.
if [ "${PGBENCH:-true}" = true ] && [ "${PACE_MS:-0}" = 0 ]; then
  needs "apt-get install postgresql-client" pgbench psql
  base=$(psql -d planmonitor_indicator -Atc "SELECT min(i.id) FROM indicator i JOIN plan p ON p.id = i.plan_id WHERE p.code = '$PLAN'")
  pgbench -n -M prepared -c "$CONNECTIONS" -j 2 -T "$DURATION" -D base="$base" -D first_year=$FIRST_YEAR -D years="$YEARS" \
    -f bench/sql/observation-write.sql planmonitor_indicator 2>&1 | awk '/^tps|latency average|failed/ { print "pgbench, same statements: " $0 }'
fi
