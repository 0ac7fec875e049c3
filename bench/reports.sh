#!/usr/bin/env bash
# Report generation time: reports requested one after another through the API, each timed by the service itself
# (finishedAt - startedAt: reading the other services, evaluating, storing), and the first read of each format (which
# renders and stores it), timed by curl. Prints a Markdown table for BENCHMARKS.md.
#
#   ./run &                  # the suite, seeds loaded
#   bench/reports.sh         # ROUNDS=5 (after WARM=3 unmeasured), REPORTS="ANNUAL_EXECUTION:2017 ..." override
#
# A report is "TYPE:ARG" with ARG the year (ANNUAL_EXECUTION), the plan (PLAN_EVALUATION) or the list
# (PROJECT_PROGRESS). FORMATS lists the formats whose first read is timed (default json pdf).
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-5}
WARM=${WARM:-3}
REPORT=${REPORT_URL:-http://localhost:8083}
REPORTS=${REPORTS:-ANNUAL_EXECUTION:2017 PLAN_EVALUATION:FYP12 PLAN_EVALUATION:FYP13 PROJECT_PROGRESS:FYP13-KEY}
FORMATS=${FORMATS:-json pdf}
POLL_LIMIT=${POLL_LIMIT:-600}

. bench/common.sh

needs "" curl python3
TOKEN=${TOKEN:-$(./run token reporter)}

body() {
  local type=${1%%:*} arg=${1#*:}
  case "$type" in
    ANNUAL_EXECUTION) echo "{\"type\":\"$type\",\"year\":$arg}" ;;
    PLAN_EVALUATION) echo "{\"type\":\"$type\",\"plan\":\"$arg\"}" ;;
    PROJECT_PROGRESS) echo "{\"type\":\"$type\",\"list\":\"$arg\"}" ;;
    *) echo "unknown report $1" >&2; exit 2 ;;
  esac
}

# Requests a report, waits until it is done, prints "id generation-ms".
generate() {
  local id state
  id=$(curl -fsS -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$(body "$1")" "$REPORT/api/v1/reports" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  for _ in $(seq 1 "$POLL_LIMIT"); do
    state=$(curl -fsS -H 'Cache-Control: no-cache' "$REPORT/api/v1/reports/$id")
    case "$state" in
      *'"SUCCEEDED"'*)
        echo "$id $(python3 -c '
import json, sys
from datetime import datetime
r = json.loads(sys.argv[1])
ms = (datetime.fromisoformat(r["finishedAt"].replace("Z", "+00:00")) - datetime.fromisoformat(r["startedAt"].replace("Z", "+00:00"))).total_seconds() * 1000
print(round(ms))' "$state")"
        return ;;
      *'"FAILED"'*) echo "report $1 failed: $state" >&2; exit 1 ;;
    esac
    sleep 0.2
  done
  echo "report $1 not done after $POLL_LIMIT polls" >&2
  exit 1
}


header="| Report | generation ms (median of $ROUNDS) | min | max |"
rule="|---|---:|---:|---:|"
for format in $FORMATS; do header+=" first $format read ms |"; rule+="---:|"; done
echo "$header"
echo "$rule"
for report in $REPORTS; do
  for _ in $(seq 1 "$WARM"); do generate "$report" > /dev/null; done
  times=()
  declare -A reads=()
  for _ in $(seq 1 "$ROUNDS"); do
    read -r id ms <<< "$(generate "$report")"
    times+=("$ms")
    for format in $FORMATS; do
      reads[$format]+="$(curl -fsS -o /dev/null -w '%{time_total}' "$REPORT/api/v1/reports/$id/content?format=$format" | awk '{ printf "%.0f", $1 * 1000 }') "
    done
  done
  line="| $report | $(printf '%s\n' "${times[@]}" | median) | $(printf '%s\n' "${times[@]}" | sort -g | head -1) | $(printf '%s\n' "${times[@]}" | sort -g | tail -1) |"
  for format in $FORMATS; do line+=" $(printf '%s\n' ${reads[$format]} | median) |"; done
  echo "$line"
  unset reads
done
