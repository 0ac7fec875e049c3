#!/usr/bin/env bash
# Follows deploy/README.md's "Compose" steps for real, with Debian's podman and podman-compose, in a copy of
# deploy/compose (the operator's own .env, secrets/ and keys/ are not touched): init.sh, the seed token, up, the seeds,
# a report as PDF, three replicas of indicator-service behind the proxy (two of the others), an upgrade from the previous version's images
# to this checkout's (roll.sh, under reads that must all succeed), a clean stop. Prints each step's time; removes what
# it made.
#   deploy/compose/test/stack-test.sh           (root; builds the images it lacks)
# Environment: UPGRADE_FROM (the commit whose images the stack starts on; default cc4c5be, the last before the
# upgrade procedure came in), KEEP_IMAGES=0 to remove the previous version's images at the end.
# Keys apart as in production: a throwaway identity provider's key signs the test's tokens and only its public half is
# given to init.sh; report-service's key is made by init.sh and given to report-service alone. Ports 8081-8083 and
# 8404 must be free.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
for tool in podman podman-compose mmdebstrap runc openssl curl git; do
  command -v "$tool" >/dev/null || { echo "stack-test.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done
UPGRADE_FROM=${UPGRADE_FROM:-cc4c5be}
from=$(git rev-parse --short "$UPGRADE_FROM")
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
project=planmonitor-stacktest
export CONTAINERS_CONF=$root/deploy/compose/podman/containers.conf

work=$(mktemp -d)
compose_dir=$work/deploy/compose
pc() { (cd "$compose_dir" && podman-compose -p "$project" "$@"); }
cleanup() {
  [ -d "$compose_dir" ] && pc down >/dev/null 2>&1 || true
  podman volume rm -f "${project}_pgdata" >/dev/null 2>&1 || true
  podman network rm -f "${project}_default" >/dev/null 2>&1 || true
  git -C "$root" worktree remove --force "$work/from" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
declare -a timings=()
step_started=$SECONDS
step() { # NAME: ends the step before, starts this one
  [ -z "${step_name:-}" ] || timings+=("$(printf '%4d s  %s' $((SECONDS - step_started)) "$step_name")")
  step_name=$1 step_started=$SECONDS
  [ -z "$1" ] || echo "== $1"
}
fail() { echo "FAILED: $*" >&2; exit 1; }

step "images of this checkout (built if missing)"
for service in indicator-service project-service report-service; do
  podman image exists "planmonitor/$service:$version" || APPCDS=${APPCDS:-0} deploy/images/build.sh "$service" >/dev/null
done
for image in postgres:15 proxy:2.6; do
  podman image exists "planmonitor/$image" || deploy/images/infra.sh "${image%%:*}" >/dev/null 2>&1
done

step "images of $from, the version upgraded from (built if missing)"
if ! podman image exists "planmonitor/indicator-service:$from"; then
  git worktree add --detach "$work/from" "$from" >/dev/null 2>&1
  (cd "$work/from" && ./mvnw -B -q -o package -DskipTests -Dquarkus.package.jar.appcds.enabled=false >/dev/null) || fail "building $from"
  (cd "$work/from" && VERSION=$from APPCDS=0 deploy/images/build.sh >/dev/null) || fail "images of $from"
  # build.sh tags latest too: latest stays this checkout's.
  for service in indicator-service project-service report-service; do podman tag "planmonitor/$service:$version" "planmonitor/$service:latest"; done
fi

step "init.sh: .env, passwords, keys, JWKS"
mkdir -p "$work/deploy" "$work/idp"
cp -r deploy/compose "$work/deploy/"
cp deploy/token.sh deploy/jwks.sh "$work/deploy/"
ln -s "$root/seeds" "$work/seeds"
rm -rf "$compose_dir/.env" "$compose_dir/secrets" "$compose_dir/keys" "$compose_dir/test"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/idp/private.pem" 2>/dev/null
openssl pkey -in "$work/idp/private.pem" -pubout -out "$work/idp/public.pem"
issuer=https://sso.stack-test.invalid/realms/planning
(cd "$compose_dir" && ./init.sh --issuer "$issuer" --idp-key "stack-test-idp=$work/idp/public.pem")
token() { "$work/deploy/token.sh" --key "$work/idp/private.pem" --kid stack-test-idp --issuer "$issuer" "$@"; }
# The stack starts on the previous version's images.
cat >> "$compose_dir/.env" <<ENV
INDICATOR_SERVICE_IMAGE=planmonitor/indicator-service:$from
PROJECT_SERVICE_IMAGE=planmonitor/project-service:$from
REPORT_SERVICE_IMAGE=planmonitor/report-service:$from
ENV
printf 'SEED_TOKEN=%s\n' "$(token --minutes 30 admin)" > "$compose_dir/secrets/seed.env"

step "up ($from) until the three answer through the proxy"
pc up -d > "$work/up.log" 2>&1 || { cat "$work/up.log"; fail "up"; }
if grep -q -e "$(sed -n 's/^POSTGRES_PASSWORD=//p' "$compose_dir/secrets/postgres.env")" -e "$(sed -n 's/^SEED_TOKEN=//p' "$compose_dir/secrets/seed.env")" "$work/up.log"; then
  fail "podman-compose's output holds a password or the seed token"
fi
answers() { curl -fsS -o /dev/null "$@" 2>/dev/null; }
deadline=$((SECONDS + 240))
until answers http://127.0.0.1:8081/api/v1/plans && answers http://127.0.0.1:8082/api/v1/project-lists && answers http://127.0.0.1:8083/api/v1/reports; do
  [ $SECONDS -lt $deadline ] || { podman ps -a --filter "label=io.podman.compose.project=$project"; fail "not ready within 240 s"; }
  sleep 1
done

step "seeds loaded by the seed service"
deadline=$((SECONDS + 300))
while podman ps --format '{{.Names}}' | grep -q "^${project}_seed_1$"; do [ $SECONDS -lt $deadline ] || fail "seed still running"; sleep 1; done
podman logs "${project}_seed_1" > "$work/seed.log" 2>&1
[ "$(podman inspect --format '{{.State.ExitCode}}' "${project}_seed_1")" = 0 ] || { cat "$work/seed.log"; fail "seed"; }
echo "seed files loaded: $(grep -c '^Loaded seeds' "$work/seed.log")"
echo SEED_TOKEN= > "$compose_dir/secrets/seed.env"
# As many of FYP13's indicators as the seed file holds (专栏2's 22 and the commitments of its tasks).
fyp13=$(grep -c '^FYP13-' seeds/indicators/indicators.csv)
fyp13_indicators() { curl -fsS 'http://127.0.0.1:8081/api/v1/plans/FYP13/indicators?size=1' | sed 's/.*"total":\([0-9]*\).*/\1/'; }
[ "$(fyp13_indicators)" = "$fyp13" ] || fail "FYP13 has $(fyp13_indicators) indicators, the seeds $fyp13"
echo "FYP13 has its $fyp13 indicators"

step "a report as PDF, built by report-service from the other two"
reporter=$(token reporter)
report() { # prints the id of a new ANNUAL_EXECUTION 2017 report once SUCCEEDED
  local id job
  id=$(curl -fsS -X POST -H "Authorization: Bearer $reporter" -H 'Content-Type: application/json' \
    -d '{"type":"ANNUAL_EXECUTION","year":2017}' http://127.0.0.1:8083/api/v1/reports | sed 's/.*"id":"\([^"]*\)".*/\1/')
  for _ in $(seq 90); do
    job=$(curl -fsS -H "Authorization: Bearer $reporter" "http://127.0.0.1:8083/api/v1/reports/$id")
    case $job in *'"status":"SUCCEEDED"'*) echo "$id"; return ;; *'"status":"FAILED"'*) break ;; esac
    sleep 1
  done
  fail "report $id: $job"
}
first_report=$(report)
curl -fsS -H "Authorization: Bearer $reporter" -H 'Accept: application/pdf' -o "$work/report.pdf" "http://127.0.0.1:8083/api/v1/reports/$first_report/content"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' || fail "not a PDF"
echo "report $first_report: PDF of $(wc -c < "$work/report.pdf") bytes"
first_hash=$(curl -fsS -H "Authorization: Bearer $reporter" "http://127.0.0.1:8083/api/v1/reports/$first_report" | sed 's/.*"contentHash":"\([^"]*\)".*/\1/')
podman exec "${project}_report-service_1" test -r /run/secrets/report-service-signing-key
for service in indicator-service project-service; do
  ! podman exec "${project}_${service}_1" sh -c 'grep -rlqs "PRIVATE KEY" /keys /run/secrets' || fail "$service can read a private key"
done
echo "only report-service holds the signing key"
podman logs "${project}_report-service_1" 2>&1 | grep '^{' | tail -1 | grep -q '"level"' && echo "report-service logs JSON"

step "indicator-service scaled to three replicas behind port 8081 (the others to two)"
# Two of the others, so that their upgrade is unseen too (one replica is away for its restart).
sed -i 's/^INDICATOR_REPLICAS=.*/INDICATOR_REPLICAS=3/; s/^PROJECT_REPLICAS=.*/PROJECT_REPLICAS=2/; s/^REPORT_REPLICAS=.*/REPORT_REPLICAS=2/' "$compose_dir/.env"
pc up -d > "$work/scale.log" 2>&1 || { cat "$work/scale.log"; fail "scaling"; }
routed() { curl -fsS 'http://127.0.0.1:8404/;csv' | awk -F, -v s="$1" '$1 == s && $2 ~ /^replica-/ && $18 == "UP"' | wc -l; }
deadline=$((SECONDS + 180))
until [ "$(routed indicator-service)" -ge 3 ] && [ "$(routed project-service)" -ge 2 ] && [ "$(routed report-service)" -ge 2 ]; do
  [ $SECONDS -lt $deadline ] || fail "the replicas are not routed to"; sleep 1
done
echo "the proxy routes to 3 + 2 + 2 replicas"
planner=$(token planner)
for n in $(seq 9); do
  curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $planner" -H 'Content-Type: application/json' \
    -d "{\"code\":\"STACK$n\",\"nameZh\":\"部署测试局$n\",\"nameEn\":\"Stack test bureau $n\"}" http://127.0.0.1:8081/api/v1/departments
done
served=$(curl -fsS 'http://127.0.0.1:8404/;csv' | awk -F, '$1 == "indicator-service" && $2 ~ /^replica-/ && $18 == "UP" && $8 > 0' | wc -l)
echo "9 departments written through port 8081; replicas that served requests: $served of 3"
[ "$served" -ge 2 ] || fail "the proxy sent everything to one replica"
departments=$(curl -fsS 'http://127.0.0.1:8081/api/v1/departments?size=1' | sed 's/.*"total":\([0-9]*\).*/\1/')

step "upgrade $from -> this checkout: roll.sh under reads"
sed -i "/^INDICATOR_SERVICE_IMAGE=/d; /^PROJECT_SERVICE_IMAGE=/d; /^REPORT_SERVICE_IMAGE=/d" "$compose_dir/.env"
touch "$work/reading"
( ok=0 bad=0
  while [ -e "$work/reading" ]; do
    for url in 'http://127.0.0.1:8081/api/v1/plans/FYP13/indicators?size=5' 'http://127.0.0.1:8082/api/v1/project-lists' 'http://127.0.0.1:8083/api/v1/reports'; do
      code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $reporter" "$url")
      if [ "$code" = 200 ]; then ok=$((ok + 1)); else bad=$((bad + 1)); echo "$code $url" >> "$work/read-failures"; fi
    done
    sleep 0.1
  done
  echo "$ok $bad" > "$work/reads" ) &
(cd "$compose_dir" && PROJECT=$project ./roll.sh) || fail "roll.sh"
rm "$work/reading"; wait
read -r ok bad < "$work/reads"
echo "reads during the upgrade: $ok answered 200, $bad did not"
[ "$bad" = 0 ] || { sort "$work/read-failures" | uniq -c; fail "reads failed during the upgrade"; }
for service in indicator-service project-service report-service; do
  for name in $(podman ps --filter "label=com.docker.compose.project=$project" --filter "label=com.docker.compose.service=$service" --format '{{.Names}}'); do
    image=$(podman inspect --format '{{.ImageName}}' "$name")
    [ "${image#localhost/}" = "planmonitor/$service:$version" ] || fail "$name runs $image"
  done
done
echo "every replica runs this checkout's image"

step "after the upgrade: data kept, migrations applied once"
[ "$(curl -fsS 'http://127.0.0.1:8081/api/v1/departments?size=1' | sed 's/.*"total":\([0-9]*\).*/\1/')" = "$departments" ] || fail "departments changed"
[ "$(fyp13_indicators)" = "$fyp13" ] || fail "FYP13's indicators after the upgrade"
[ "$(curl -fsS -H "Authorization: Bearer $reporter" "http://127.0.0.1:8083/api/v1/reports/$first_report" | sed 's/.*"contentHash":"\([^"]*\)".*/\1/')" = "$first_hash" ] || fail "the first report changed"
for db in indicator project report; do
  twice=$(podman exec "${project}_postgres_1" psql -U postgres -d "planmonitor_$db" -Atc \
    "SELECT count(*) FROM (SELECT version FROM flyway_schema_history WHERE version IS NOT NULL GROUP BY version HAVING count(*) > 1) t")
  failed=$(podman exec "${project}_postgres_1" psql -U postgres -d "planmonitor_$db" -Atc "SELECT count(*) FROM flyway_schema_history WHERE NOT success")
  [ "$twice" = 0 ] && [ "$failed" = 0 ] || fail "planmonitor_$db: $twice migrations applied twice, $failed failed"
done
echo "departments ($departments), FYP13 and the first report as before; no migration applied twice or failed"
second_report=$(report)
echo "a new report after the upgrade: $second_report SUCCEEDED"
# Every `up` (roll.sh's too) starts the seed step again: it must have found data and loaded nothing.
case $(podman logs --tail 2 "${project}_seed_1" 2>&1) in
  *"8081 already holds data"*"8082 already holds data"*) echo "the seed step ran again with the upgrade and skipped the services holding data" ;;
  *) podman logs --tail 5 "${project}_seed_1"; fail "seed after the upgrade" ;;
esac

step "clean stop"
pc stop -t 40 > "$work/stop.log" 2>&1
for name in $(podman ps -a --filter "label=io.podman.compose.project=$project" --format '{{.Names}}' | grep -e indicator-service -e project-service -e report-service); do
  code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
  [ "$code" = 143 ] || fail "$name ended with $code, not 143 (SIGTERM, drained)"
done
echo "every service replica ended on SIGTERM (exit code 143)"
pc down > /dev/null 2>&1
podman network rm "${project}_default" > /dev/null
step ""
echo "== times"
printf '%s\n' "${timings[@]}"
echo "STACK TEST PASSED"
