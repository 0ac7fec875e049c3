#!/usr/bin/env bash
# Bulk import of 100,000 observations through the API (POST /api/v1/imports?entity=observations, the all-or-nothing
# import), timed, beside PostgreSQL COPY of the same 100,000 rows into a scratch copy of the observation table, in
# the same run. Prints Markdown tables for BENCHMARKS.md: the headline row (median of ROUNDS), the rounds, the
# idempotent re-import, and how the time of one request grows with its rows (SCALING).
#
#   IMPORT_MAX_ROWS=100000 ./run &   # the suite; one request of 100,000 rows needs the row limit raised (default
#                                    # 50,000: 413). The file is about 6.4 MB, under MAX_BODY_SIZE's default of 10M.
#   bench/import.sh                  # ROUNDS=3 CHUNK=0 REIMPORT_CHUNK=0 SCALING="500 1000 2000 4000" DIR=... override
#
# Every round does the same work: it makes fresh plans (IMP<time>R<n>-01..20, 500 indicators each, 2016-2025, set
# up through the import API and not timed), then imports their 10,000 × 10 observations: 100,000 rows, all CREATED.
# Re-importing existing rows would not be the same work: the import is an idempotent upsert that needs no If-Match
# (a row equal to the current value is UNCHANGED and writes nothing; a different one becomes a new revision, the old
# one kept as history, superseded). The idempotent re-import of the last round's file is timed once, at the end
# (REIMPORT_CHUNK rows per request, default CHUNK): measured at commit aa4e75b, all 100,000 in one request ran the
# service's 256 MB heap out while it loaded the current values (500 Problem, OutOfMemoryError in the log); chunks of
# 50,000 went through.
# The plans stay: each run adds ROUNDS × 10,000 indicators and 100,000 observations under IMP<time>... codes, which
# no other bench reads (./run --fresh starts from empty databases).
#
# API: CHUNK=0 (default) sends all 100,000 rows in one request; CHUNK=N sends N rows per request (each all or
# nothing), one request after another on one keep-alive connection. The time runs from the first request sent to the
# last answer read. Before the set-based observation import (commit aa4e75b), each row was written through Hibernate
# and the time per row grew with the rows before it in the request: one request of 100,000 rows could not finish,
# and the default transaction timeout (60 s) answered a request of about 3,500 rows with a 503. Against such a build
# use CHUNK=200.
# SCALING times single requests of growing size, each on indicators of its own (year FIRST_YEAR-1, which a plan
# accepts as the baseline), to show whether the time per row stays flat.
#
# COPY: psql's \copy of the same rows (indicator ids looked up first, not timed) into
#   temp:   CREATE TEMP TABLE (LIKE observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES): the same
#           columns, checks and unique indexes, ids from a sequence of its own; no WAL (temporary), no foreign key.
#   logged: a table in a schema bench_scratch like the one above plus the foreign key to indicator, in a transaction
#           that is rolled back: WAL-logged and checked like the real table; nothing is left behind (the foreign key
#           holds a SHARE ROW EXCLUSIVE lock on indicator for the second or so the COPY takes).
# The service's tables are never written by COPY. The API does more than COPY: parsing and validation, permission
# checks, row locks on the indicators, the revision history, and an audit entry per row.
#
# Needs curl, python3, java (for the tokens) and psql. Numbers are upper bounds on a machine shared with other work
# (2 cores: client, services and PostgreSQL together). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-3}
CHUNK=${CHUNK:-0}
SETUP_CHUNK=${SETUP_CHUNK:-50}
PLANS=${PLANS:-20}
PER_PLAN=${PER_PLAN:-500}
FIRST_YEAR=${FIRST_YEAR:-2016}
LAST_YEAR=${LAST_YEAR:-2025}
REIMPORT_CHUNK=${REIMPORT_CHUNK:-$CHUNK}
SCALING=${SCALING:-500 1000 2000 4000}
DIR=${DIR:-.data/bench/import}
INDICATOR=${INDICATOR_URL:-http://localhost:8081}
. bench/common.sh
PGDATABASE=${PGDATABASE:-planmonitor_indicator}
export PGDATABASE

needs "apt-get install curl python3 postgresql-client" curl python3 java psql
answers indicator-service "$INDICATOR/api/v1/plans?size=1"
psql -X -q -c 'SELECT 1' > /dev/null || { echo "psql cannot reach $PGDATABASE at $PGHOST:$PGPORT as $PGUSER" >&2; exit 2; }
[ "$PER_PLAN" -le 99999 ] || { echo "PER_PLAN must be at most 99999 (an indicator's seq is 1..99,999)" >&2; exit 2; }
scaling_total=0
for n in $SCALING; do scaling_total=$(( scaling_total + n )); done
[ "$scaling_total" -le $(( PLANS * PER_PLAN )) ] || { echo "SCALING needs $scaling_total indicators; a round has $(( PLANS * PER_PLAN ))" >&2; exit 2; }

PLANNER=${PLANNER_TOKEN:-$(token planner)}
DEPARTMENT=${DEPARTMENT_TOKEN:-$(department_token)}

rate() { awk -v r="$1" -v s="$2" 'BEGIN { printf "%.0f", r / s }'; }

RUN=IMP$(date -u +%y%m%d%H%M%S)
# The run's files (about 20 MB a round) are of no use to a later run, whose codes differ: removed unless KEEP_FILES=1.
[ "${KEEP_FILES:-0}" = 1 ] || trap 'rm -rf "$DIR/$RUN"R*' EXIT

# setup PREFIX: plans PREFIX-01.. and their indicators through the import API (not timed); the files in $DIR/PREFIX.
setup() {
  local prefix=$1 out started
  started=$(date +%s%N)
  python3 bench/benchdata.py indicators "$DIR/$prefix" "$prefix" "$PLANS" "$PER_PLAN" "$FIRST_YEAR" "$LAST_YEAR" 2> /dev/null
  for entity in plans indicators; do
    out=$(python3 bench/benchdata.py import "$INDICATOR" "$PLANNER" "$entity" "$DIR/$prefix/$entity.csv" "$SETUP_CHUNK" 2> "$DIR/$prefix/$entity.log") \
      || { cat "$DIR/$prefix/$entity.log" >&2; echo "setting up $prefix failed" >&2; exit 1; }
  done
  echo "Set up $prefix: $PLANS plans, $(( PLANS * PER_PLAN )) indicators in $(( ($(date +%s%N) - started) / 1000000000 )) s" >&2
}

# copy_rows PREFIX MODE: prints the milliseconds psql's \copy of the prefix's observations took (MODE temp or logged).
copy_rows() {
  local prefix=$1 mode=$2 columns out ms count
  if [ ! -f "$DIR/$prefix/copy.tsv" ]; then
    psql -X -q -t -A -F $'\t' -c "SELECT code, id FROM indicator WHERE code LIKE '$prefix-%'" > "$DIR/$prefix/ids.tsv"
    python3 bench/benchdata.py copyfile "$DIR/$prefix/observations.csv" "$DIR/$prefix/ids.tsv" "$DIR/$prefix/copy.tsv" > /dev/null
  fi
  columns="indicator_id, year, period_start, value, growth_rate, price_basis, status, qualitative_zh, qualitative_en, comparable, source, note, revision, recorded_at, recorded_by"
  if [ "$mode" = temp ]; then
    out=$(psql -X -q -v ON_ERROR_STOP=1 <<EOF
CREATE TEMP SEQUENCE bench_observation_id;
CREATE TEMP TABLE bench_observation (LIKE observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE bench_observation ALTER COLUMN id SET DEFAULT nextval('bench_observation_id');
\timing on
\copy bench_observation ($columns) from '$DIR/$prefix/copy.tsv'
\timing off
SELECT 'rows', count(*) FROM bench_observation;
EOF
)
  else
    out=$(psql -X -q -v ON_ERROR_STOP=1 <<EOF
BEGIN;
CREATE SCHEMA bench_scratch;
CREATE SEQUENCE bench_scratch.observation_id;
CREATE TABLE bench_scratch.observation (LIKE public.observation INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
ALTER TABLE bench_scratch.observation ALTER COLUMN id SET DEFAULT nextval('bench_scratch.observation_id');
ALTER TABLE bench_scratch.observation ADD FOREIGN KEY (indicator_id) REFERENCES public.indicator (id);
\timing on
\copy bench_scratch.observation ($columns) from '$DIR/$prefix/copy.tsv'
\timing off
SELECT 'rows', count(*) FROM bench_scratch.observation;
ROLLBACK;
EOF
)
  fi
  ms=$(echo "$out" | awk '/^Time:/ { print $2; exit }')
  count=$(echo "$out" | awk '$1 == "rows" { print $3 }')
  [ -n "$ms" ] && [ "$count" = "$(( PLANS * PER_PLAN * (LAST_YEAR - FIRST_YEAR + 1) ))" ] || { echo "COPY ($mode) failed: $out" >&2; exit 1; }
  echo "$ms"
}

mkdir -p "$DIR"
ROWS=$(( PLANS * PER_PLAN * (LAST_YEAR - FIRST_YEAR + 1) ))
prefixes=()
for round in $(seq 1 "$ROUNDS"); do prefixes+=("${RUN}R$round"); done

if [ "$CHUNK" -gt 0 ]; then per="$CHUNK rows per request"; else per="one request"; fi
HINT="A 413 names the limit: IMPORT_MAX_ROWS (rows in one file) or MAX_BODY_SIZE; start the suite with them raised. A 503 after
60 s is the transaction timeout: the build imports row by row (before commit aa4e75b); use CHUNK=200."
api=(); temp=(); logged=(); lines=()
for round in $(seq 1 "$ROUNDS"); do
  prefix=${prefixes[$((round - 1))]}
  setup "$prefix"
  echo "Round $round: importing $ROWS observations of $prefix ($(du -k "$DIR/$prefix/observations.csv" | cut -f1) kB), $per..." >&2
  out=$(python3 bench/benchdata.py import "$INDICATOR" "$DEPARTMENT" observations "$DIR/$prefix/observations.csv" "$CHUNK" 2> "$DIR/$prefix/observations.log") \
    || { tail -n 3 "$DIR/$prefix/observations.log" >&2; echo "$HINT" >&2; exit 1; }
  read -r rows seconds created _ _ <<< "$out"
  [ "$created" = "$ROWS" ] || { echo "round $round created $created rows, not $ROWS" >&2; exit 1; }
  temp_ms=$(copy_rows "$prefix" temp)
  logged_ms=$(copy_rows "$prefix" logged)
  api+=("$(rate "$rows" "$seconds")"); temp+=("$(rate "$rows" "$(awk -v m="$temp_ms" 'BEGIN { print m / 1000 }')")")
  logged+=("$(rate "$rows" "$(awk -v m="$logged_ms" 'BEGIN { print m / 1000 }')")")
  lines+=("| $round | $prefix | $(printf '%.1f' "$seconds") | ${api[-1]} | $(printf '%.0f' "$temp_ms") | ${temp[-1]} | $(printf '%.0f' "$logged_ms") | ${logged[-1]} |")
  echo "Round $round: API ${api[-1]} rows/s, COPY ${temp[-1]} rows/s (temp), ${logged[-1]} rows/s (logged, with the foreign key)" >&2
done

# The idempotent re-import: the last round's file again; every row UNCHANGED, nothing written. A refusal is reported
# in the table (and the script exits 1 at the end), so the rounds' figures are not lost.
failed=0
last=${prefixes[-1]}
if [ "$REIMPORT_CHUNK" -gt 0 ]; then reper="$REIMPORT_CHUNK rows per request"; else reper="one request"; fi
echo "Importing $last's observations again (idempotent), $reper..." >&2
started=$(date +%s%N)
if out=$(python3 bench/benchdata.py import "$INDICATOR" "$DEPARTMENT" observations "$DIR/$last/observations.csv" "$REIMPORT_CHUNK" 2> "$DIR/$last/reimport.log"); then
  read -r rows reimport_seconds _ _ unchanged <<< "$out"
  [ "$unchanged" = "$ROWS" ] || { echo "the re-import changed rows: $out" >&2; exit 1; }
  reimport=$(printf '| the last round'"'"'s %d rows again, %s (idempotent re-import) | 200 | %.1f | %s | all %d UNCHANGED, nothing written |' \
    "$ROWS" "$reper" "$reimport_seconds" "$(rate "$ROWS" "$reimport_seconds")" "$unchanged")
else
  failed=1
  answer=$(tail -n 1 "$DIR/$last/reimport.log")
  echo "$answer" >&2
  reimport=$(printf '| the last round'"'"'s %d rows again, %s (idempotent re-import) | %s | %.1f | – | refused: `%s` |' "$ROWS" "$reper" \
    "$(echo "$answer" | sed -n 's/.* answered \([0-9]*\):.*/\1/p')" "$(( ($(date +%s%N) - started) / 1000000 ))e-3" "$(echo "$answer" | sed 's/.* answered [0-9]*: //')")
fi

# Single requests of growing size: baseline-year rows (FIRST_YEAR - 1) of disjoint indicators of the last round.
scaling=()
offset=0
for n in $SCALING; do
  file="$DIR/$last/baseline-$n.csv"
  awk -F, -v y="$FIRST_YEAR" -v b="$((FIRST_YEAR - 1))" -v from="$offset" -v n="$n" 'BEGIN { OFS = "," }
    NR == 1 { print; next } $2 == y { if (k >= from && k < from + n) { $2 = b; print } k++ }' "$DIR/$last/observations.csv" > "$file"
  offset=$(( offset + n ))
  echo "One request of $n rows..." >&2
  answer=$(curl -sS -o "$DIR/$last/baseline-$n.json" -w '%{http_code} %{time_total}' -X POST -H "Authorization: Bearer $DEPARTMENT" \
    -H 'Content-Type: text/csv; charset=UTF-8' --data-binary "@$file" "$INDICATOR/api/v1/imports?entity=observations")
  read -r status seconds <<< "$answer"
  if [ "$status" = 200 ]; then
    scaling+=("| $n | 200 | $(printf '%.1f' "$seconds") | $(rate "$n" "$seconds") | $(awk -v s="$seconds" -v n="$n" 'BEGIN { printf "%.1f", s * 1000 / n }') |")
  else
    failed=1
    problem=$(tr -d '\n' < "$DIR/$last/baseline-$n.json")
    scaling+=("| $n | $status | $(printf '%.1f' "$seconds") | – | \`$problem\` |")
    echo "  answered $status: $problem" >&2
    break
  fi
done

a=$(printf '%s\n' "${api[@]}" | median); t=$(printf '%s\n' "${temp[@]}" | median); l=$(printf '%s\n' "${logged[@]}" | median)
echo "| Import of $ROWS observations | API, $per (rows/s) | COPY, temp table (rows/s) | API ÷ COPY | COPY, logged table with foreign key (rows/s) | API ÷ COPY logged |"
echo "|---|---:|---:|---:|---:|---:|"
printf '| median of %d rounds | %.0f | %.0f | %s | %.0f | %s |\n' "$ROUNDS" "$a" "$t" "$(awk -v a="$a" -v t="$t" 'BEGIN { printf "%.4f", a / t }')" \
  "$l" "$(awk -v a="$a" -v l="$l" 'BEGIN { printf "%.4f", a / l }')"
echo
echo "| Round | plans | API s | API rows/s | COPY temp ms | COPY temp rows/s | COPY logged ms | COPY logged rows/s |"
echo "|---:|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${lines[@]}"
echo
echo "| Request | status | seconds | rows/s | outcome |"
echo "|---|---|---:|---:|---|"
echo "$reimport"
if [ "${#scaling[@]}" -gt 0 ]; then
  echo
  echo "| Rows in one request | status | seconds | rows/s | ms per row |"
  echo "|---:|---|---:|---:|---:|"
  printf '%s\n' "${scaling[@]}"
fi
exit "$failed"
