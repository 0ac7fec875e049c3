#!/usr/bin/env bash
# Loads a data set at scale through the services' own import API (POST /api/v1/imports, the code users call; no SQL)
# and times each import. Prints a Markdown table (rows, outcome counts, seconds, rows/s) and the row counts found
# afterwards.
#
#   ./run &                # the suite (PostgreSQL on localhost:54329, services on 8081-8083)
#   bench/generate.sh      # DIR=.data/bench OBSERVATION_CHUNK=50000 INDICATOR_CHUNK=50 PROJECT_CHUNK=100 CHUNK=200 FORCE=1
#                          # ... override the defaults
#
# What it loads, in codes of its own (never the seeds' FYP12/FYP13/AP2017/AP2018/FYP13-KEY...):
#   - PLANS=1 five-year plan GEN10K-01 (kind FIVE_YEAR, 2016-2025: the API accepts a ten-year FIVE_YEAR plan) with
#     PER_PLAN=10000 indicators (PLANS=20 PER_PLAN=500 spreads the same 10,000 over 20 plans GEN10K-01..20).
#     Indicators have varied categories, units, attributes (BINDING/EXPECTED/none), lead and supporting departments
#     (the seeds' departments.csv) and targets in the forms TargetParser reads ("≥285", "7左右", "年均增长7%",
#     "累计下降18%", "比2015年下降15%", "控制在3.5%以内", "与经济增长同步", QUALITATIVE, ...).
#   - one observation per indicator and year 2016-2025 (100,000 rows): levels with their growth rate, growth rates,
#     shares, yearly decline rates, counts, and qualitative text.
#   - the project list GEN-KEY with PROJECTS=5000 projects (PROJECTS=0: no list, indicators only) (GEN-KP-00001...), yearly investment (planned and
#     completed, about 22,000 rows) and three milestones each (15,000 rows); every 10th project is linked to a GEN10K
#     indicator, which project-service checks with indicator-service.
#
# The files are written to DIR (default .data/bench, git-ignored) and reused by later runs (REGENERATE=1 writes them
# again; the content is deterministic). Rerunnable: a part whose last row is already in the services (the last
# observation; the last milestone) is skipped; otherwise its files are imported again, and rows already there are
# counted UNCHANGED and not written again (the import is an idempotent upsert). FORCE=1 imports even complete parts
# (which times the idempotent re-import).
#
# Each request is one all-or-nothing import of a chunk of the file. Observations are written set-based (commit
# aa4e75b), so they go in OBSERVATION_CHUNK=50,000 rows a request (the default IMPORT_MAX_ROWS). The other entities
# are still written row by row through Hibernate, whose time per row grows with the rows before it in the same request
# (every flush checks every entity of the transaction), and the default transaction timeout (60 s) answers a request
# that runs longer with a 503: they go in small chunks (INDICATOR_CHUNK=50, PROJECT_CHUNK=100, CHUNK=200 for the
# rest). Against a build from before aa4e75b use OBSERVATION_CHUNK=200. A project's time also grows with the size of
# its list (each request loads the list's members), so the last of the 5,000 projects go in slower than the first.
# Writes use a planner token (plans, indicators, lists, projects) and a department token naming the 14 departments
# (observations, investment, milestones), as users do.
#
# The data changes what other benches measure on the same suite: each seed department then leads or supports about
# 2,000 indicators, so bench/reads.sh's "DRC's indicators" reads a list of about 2,000 instead of the seeds' few.
# ./run --fresh goes back to the seeds alone.
#
# Numbers are upper bounds on a machine shared with other work (2 cores). Not part of ./mvnw verify.
set -euo pipefail
cd "$(dirname "$0")/.."

DIR=${DIR:-.data/bench}
INDICATOR=${INDICATOR_URL:-http://localhost:8081}
PROJECT=${PROJECT_URL:-http://localhost:8082}
PREFIX=${PREFIX:-GEN10K}
PLANS=${PLANS:-1}
PER_PLAN=${PER_PLAN:-10000}
FIRST_YEAR=${FIRST_YEAR:-2016}
LAST_YEAR=${LAST_YEAR:-2025}
LIST=${LIST:-GEN-KEY}
PROJECTS=${PROJECTS:-5000}
CHUNK=${CHUNK:-200}
OBSERVATION_CHUNK=${OBSERVATION_CHUNK:-50000}
INDICATOR_CHUNK=${INDICATOR_CHUNK:-50}
PROJECT_CHUNK=${PROJECT_CHUNK:-100}
FORCE=${FORCE:-0}
REGENERATE=${REGENERATE:-0}
. bench/common.sh

needs "" curl python3 java
case "$PREFIX" in FYP12*|FYP13*|AP2017*|AP2018*) echo "PREFIX=$PREFIX would mix with the seeds' codes" >&2; exit 2 ;; esac
case "$LIST" in FYP12*|FYP13*|AP2017*|AP2018*) echo "LIST=$LIST would mix with the seeds' codes" >&2; exit 2 ;; esac
[ "$PER_PLAN" -ge 1 ] && [ "$PER_PLAN" -le 99999 ] || { echo "PER_PLAN must be 1..99999 (an indicator's seq is at most 99,999)" >&2; exit 2; }
answers indicator-service "$INDICATOR/api/v1/plans?size=1"
answers project-service "$PROJECT/api/v1/project-lists?size=1"

PLANNER=${PLANNER_TOKEN:-$(token planner)}
DEPARTMENT=${DEPARTMENT_TOKEN:-$(department_token)}

PARAMS="$PREFIX $PLANS $PER_PLAN $FIRST_YEAR $LAST_YEAR $LIST $PROJECTS"
mkdir -p "$DIR"
if [ "$REGENERATE" = 1 ] || [ "$(cat "$DIR/.params" 2> /dev/null)" != "$PARAMS" ]; then
  started=$(date +%s%N)
  python3 bench/benchdata.py indicators "$DIR" "$PREFIX" "$PLANS" "$PER_PLAN" "$FIRST_YEAR" "$LAST_YEAR"
  [ "$PROJECTS" = 0 ] || python3 bench/benchdata.py projects "$DIR" "$LIST" "$PROJECTS" "$PREFIX" "$PLANS" "$PER_PLAN"
  echo "$PARAMS" > "$DIR/.params"
  echo "Generated the files in $DIR in $(( ($(date +%s%N) - started) / 1000000 )) ms" >&2
else
  echo "Reusing the files in $DIR (REGENERATE=1 writes them again)" >&2
fi

ROWS=()
# run_import SERVICE_URL TOKEN ENTITY CHUNK: one line of the table.
run_import() {
  local url=$1 tok=$2 entity=$3 chunk=$4 out rows secs created updated unchanged requests
  echo "Importing $DIR/$entity.csv into $url ($chunk rows per request)..." >&2
  out=$(python3 bench/benchdata.py import "$url" "$tok" "$entity" "$DIR/$entity.csv" "$chunk") || { echo "importing $entity failed (a 503 after 60 s is the transaction timeout: use a smaller chunk)" >&2; exit 1; }
  read -r rows secs created updated unchanged <<< "$out"
  requests=$(( (rows + chunk - 1) / chunk ))
  [ "$rows" -ge "$chunk" ] || chunk=$rows
  ROWS+=("$(printf '| %s | %d | %d | %d | %d | %d × %d | %.1f | %.0f |' "$entity" "$rows" "$created" "$updated" "$unchanged" \
    "$requests" "$chunk" "$secs" "$(awk -v r="$rows" -v s="$secs" 'BEGIN { print r / s }')")")
}

# The last row of a file is in the service when the import that carried it was applied (chunks go in order, and the
# first failure stops the run).
last_indicator=$(tail -n 1 "$DIR/observations.csv" | cut -d, -f1)
if [ "$FORCE" != 1 ] && curl -fsS -o /dev/null "$INDICATOR/api/v1/indicators/$last_indicator/observations/$LAST_YEAR" 2> /dev/null; then
  echo "Plans $PREFIX-*: complete (observation $last_indicator/$LAST_YEAR exists); skipped (FORCE=1 imports anyway)" >&2
else
  run_import "$INDICATOR" "$PLANNER" plans "$CHUNK"
  run_import "$INDICATOR" "$PLANNER" indicators "$INDICATOR_CHUNK"
  run_import "$INDICATOR" "$DEPARTMENT" observations "$OBSERVATION_CHUNK"
fi

if [ "$PROJECTS" = 0 ]; then
  echo "PROJECTS=0: no project list" >&2
else
last_milestone=$(tail -n 1 "$DIR/milestones.csv")
last_project=${last_milestone%%,*}
milestone_name=$(echo "$last_milestone" | cut -d, -f2)
has_last_milestone() {
  local milestones
  milestones=$(curl -fsS "$PROJECT/api/v1/projects/$last_project/milestones" 2> /dev/null) || return 1
  echo "$milestones" | python3 -c 'import json, sys; sys.exit(0 if any(m["nameZh"] == sys.argv[1] for m in json.load(sys.stdin)) else 1)' "$milestone_name"
}
if [ "$FORCE" != 1 ] && has_last_milestone; then
  echo "List $LIST: complete (project $last_project has milestone $milestone_name); skipped (FORCE=1 imports anyway)" >&2
else
  run_import "$PROJECT" "$PLANNER" lists "$CHUNK"
  run_import "$PROJECT" "$PLANNER" projects "$PROJECT_CHUNK"
  run_import "$PROJECT" "$DEPARTMENT" investments "$CHUNK"
  run_import "$PROJECT" "$DEPARTMENT" milestones "$CHUNK"
fi
fi

if [ "${#ROWS[@]}" -gt 0 ]; then
  echo "| Import | rows | created | updated | unchanged | requests × rows | seconds | rows/s |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
fi

# What is there now: indicators and projects through the API, the other counts from PostgreSQL when psql is at hand.
total() { curl -fsS "$1" | python3 -c 'import json, sys; print(json.load(sys.stdin)["total"])'; }
indicators=0
for p in $(seq 1 "$PLANS"); do
  indicators=$(( indicators + $(total "$INDICATOR/api/v1/plans/$PREFIX-$(printf %02d "$p")/indicators?size=1") ))
done
echo
echo "In the services now: $PLANS plans $PREFIX-01..$(printf %02d "$PLANS") with $indicators indicators (API)" \
  "$([ "$PROJECTS" = 0 ] || echo "; list $LIST with $(total "$PROJECT/api/v1/projects?list=$LIST&size=1") projects (API)")"
if command -v psql > /dev/null; then
  psql -X -q -t -A -F ' ' -d planmonitor_indicator -c "
    SELECT count(*) || ' current observations (' || count(DISTINCT o.indicator_id) || ' indicators, years ' || min(o.year) || '-' || max(o.year)
           || '), ' || (SELECT count(*) FROM observation o2 JOIN indicator i2 ON i2.id = o2.indicator_id JOIN plan p2 ON p2.id = i2.plan_id
                        WHERE p2.code LIKE '$PREFIX-%') || ' revisions in all (psql)'
    FROM observation o JOIN indicator i ON i.id = o.indicator_id JOIN plan p ON p.id = i.plan_id
    WHERE p.code LIKE '$PREFIX-%' AND o.superseded_at IS NULL"
  [ "$PROJECTS" = 0 ] || psql -X -q -t -A -d planmonitor_project -c "
    SELECT (SELECT count(*) FROM project_list_member m JOIN project_list l ON l.id = m.list_id WHERE l.code = '$LIST') || ' list members, '
        || (SELECT count(*) FROM investment i JOIN project p ON p.id = i.project_id WHERE p.code LIKE '${LIST%%-*}-KP-%') || ' investment rows, '
        || (SELECT count(*) FROM milestone m JOIN project p ON p.id = m.project_id WHERE p.code LIKE '${LIST%%-*}-KP-%') || ' milestones (psql)'"
fi
