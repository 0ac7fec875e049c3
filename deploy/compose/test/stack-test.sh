#!/usr/bin/env bash
# Starts deploy/compose/compose.yaml for real, with Debian's podman and podman-compose, and uses the suite through it:
# PostgreSQL initialised by initdb/, the three services in the prod profile, the seed step, a report generated from
# the seeds and rendered to PDF, JSON logs, a graceful stop. Then removes everything it made.
#   deploy/compose/test/stack-test.sh        (as root; builds the images it lacks: deploy/images/build.sh)
# No registry is reachable here, so the official postgres image is replaced by one made from Debian's postgresql-15
# (postgres-entrypoint.sh does what compose.yaml needs of the official one). Two throwaway RSA keys, apart as in
# production: the identity provider's, which signs the test's users' tokens and stays outside the containers, and
# report-service's, a compose secret given to report-service only; the services trust one JWKS holding both public
# keys under their kids. The services' ports (8081-8083, 9081-9083) must be free.
set -euo pipefail
cd "$(dirname "$0")/../../.."
root=$PWD
for tool in podman podman-compose mmdebstrap openssl curl; do
  command -v "$tool" >/dev/null || { echo "stack-test.sh needs $tool (apt-get install $tool)" >&2; exit 1; }
done

work=$(mktemp -d)
project=planmonitor-stacktest
compose() { (cd "$work" && podman-compose -p "$project" -f "$root/deploy/compose/compose.yaml" "$@"); }
cleanup() {
  compose down -v >/dev/null 2>&1 || true
  podman volume rm -f "${project}_pgdata" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# This machine's podman needs runc and the hard open-files limit (deploy/images/README.md); a containers.conf of the
# test's own says so, without changing the system's.
files=$(ulimit -Hn); processes=$(ulimit -Hu)
if [ "$processes" = unlimited ] || [ "$processes" -gt 32768 ]; then processes=32768; fi
cat > "$work/containers.conf" <<CONF
[containers]
default_ulimits = ["nofile=$files:$files", "nproc=$processes:$processes"]
[engine]
runtime = "runc"
CONF
export CONTAINERS_CONF=$work/containers.conf

echo "== images"
for service in indicator-service project-service report-service; do
  podman image exists "planmonitor/$service:1.0.0-SNAPSHOT" || APPCDS=${APPCDS:-0} deploy/images/build.sh "$service"
done
postgres_image=localhost/planmonitor/stack-test-postgres:15
if ! podman image exists "$postgres_image"; then
  mmdebstrap --variant=minbase --include=postgresql-15 --dpkgopt='path-exclude=/usr/share/doc/*' \
    --setup-hook='mkdir -p "$1/usr/share/man/man1" "$1/usr/share/man/man7"' \
    --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr bookworm "$work/postgres.tar" >/dev/null 2>&1
  podman import --change 'ENTRYPOINT ["/bin/sh", "/usr/local/bin/postgres-entrypoint.sh"]' --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    "$work/postgres.tar" localhost/planmonitor/stack-test-postgres-base:15 >/dev/null
  printf 'FROM localhost/planmonitor/stack-test-postgres-base:15\nCOPY postgres-entrypoint.sh /usr/local/bin/\n' > "$work/Containerfile"
  cp deploy/compose/test/postgres-entrypoint.sh "$work/"
  podman build --pull=never -q -t "$postgres_image" -f "$work/Containerfile" "$work" >/dev/null
fi

echo "== keys, tokens and .env"
# The identity provider's key (never mounted), report-service's key (its secret only), and the JWKS every service
# mounts from KEYS_DIR with both public keys, each under its kid.
mkdir -p "$work/idp" "$work/secrets" "$work/keys"
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/idp/idp-private.pem" 2>/dev/null
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/secrets/report-service-signing-key.pem" 2>/dev/null
idp_kid=stack-test-idp
service_kid=stack-test-report-service
deploy/jwks.sh "$idp_kid=$work/idp/idp-private.pem" "$service_kid=$work/secrets/report-service-signing-key.pem" > "$work/keys/jwks.json"
# uid 185 reads them in the containers (a throwaway key; an operator chowns the real one to 185 instead).
chmod 644 "$work/keys/jwks.json" "$work/secrets/report-service-signing-key.pem"
issuer=https://sso.stack-test.invalid/realms/planning
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
token() { # ROLE: a users' token from the identity provider's key, with its kid (the JWKS holds two keys)
  local now header claims
  now=$(date +%s)
  header=$(printf '{"alg":"RS256","typ":"JWT","kid":"%s"}' "$idp_kid" | b64url)
  claims=$(printf '{"iss":"%s","aud":"planmonitor","sub":"stack-%s","name":"Stack test %s","groups":["%s"],"iat":%d,"exp":%d}' \
    "$issuer" "$1" "$1" "$1" "$now" $((now + 3600)) | b64url)
  printf '%s.%s.%s' "$header" "$claims" "$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$work/idp/idp-private.pem" | b64url)"
}
password() { openssl rand -hex 16; }
cat > "$work/.env" <<ENV  # what an operator writes into deploy/compose/.env
POSTGRES_IMAGE=$postgres_image
POSTGRES_PASSWORD=$(password)
INDICATOR_DB_PASSWORD=$(password)
PROJECT_DB_PASSWORD=$(password)
REPORT_DB_PASSWORD=$(password)
INDICATOR_DB_OWNER_PASSWORD=$(password)
PROJECT_DB_OWNER_PASSWORD=$(password)
REPORT_DB_OWNER_PASSWORD=$(password)
JWT_PUBLIC_KEY_LOCATION=file:/keys/jwks.json
JWT_ISSUER=$issuer
KEYS_DIR=$work/keys
REPORT_SIGNING_KEY_FILE=$work/secrets/report-service-signing-key.pem
SERVICE_TOKEN_ISSUER=planmonitor-service
SERVICE_TOKEN_KEY_ID=$service_kid
CORS_ORIGINS=
SEED_TOKEN=
ENV

# podman-compose 1.0.3 reads only the .env beside compose.yaml (which would win over these): the settings go in the
# environment, and an operator's own deploy/compose/.env is left alone.
[ ! -e deploy/compose/.env ] || { echo "deploy/compose/.env exists: move it aside for the stack test" >&2; exit 1; }
set -a
. "$work/.env"
set +a

echo "== up"
compose up -d >"$work/up.log" 2>&1 || { cat "$work/up.log"; exit 1; }
ready() { # MANAGEMENT_PORT SECONDS
  local deadline=$((SECONDS + $2))
  until curl -fsS "http://127.0.0.1:$1/q/health/ready" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { echo "not ready on $1 within $2 s" >&2; podman ps -a --filter "label=io.podman.compose.project=$project" >&2; return 1; }
    sleep 2
  done
}
started=$SECONDS
for port in 9081 9082 9083; do ready "$port" 240; done
echo "all three ready $((SECONDS - started)) s after up"
status=$(podman inspect --format '{{.State.Health.Status}}' "${project}_indicator-service_1" 2>/dev/null || echo none)
podman healthcheck run "${project}_indicator-service_1" >/dev/null && echo "indicator-service healthcheck (curl in the image): passes ($status)"

echo "== seed"
SEED_TOKEN=$(token admin)
compose run --rm seed >"$work/seed.log" 2>&1 || { cat "$work/seed.log"; exit 1; }
grep -c '^Loaded seeds' "$work/seed.log" | xargs echo "seed files loaded:"
indicators=$(curl -fsS 'http://127.0.0.1:8081/api/v1/plans/FYP13/indicators?size=1')
case $indicators in *'"total":22'*) echo "FYP13 has its 22 indicators" ;; *) echo "FYP13: $indicators" >&2; exit 1 ;; esac

echo "== a report, through the services' own network"
reporter=$(token reporter)
id=$(curl -fsS -X POST -H "Authorization: Bearer $reporter" -H 'Content-Type: application/json' \
  -d '{"type":"ANNUAL_EXECUTION","year":2017}' http://127.0.0.1:8083/api/v1/reports | sed 's/.*"id":"\([^"]*\)".*/\1/')
for _ in $(seq 60); do
  job=$(curl -fsS "http://127.0.0.1:8083/api/v1/reports/$id")
  case $job in *'"status":"SUCCEEDED"'*|*'"status":"FAILED"'*) break ;; esac
  sleep 1
done
case $job in *'"status":"SUCCEEDED"'*) echo "report $id SUCCEEDED" ;; *) echo "report: $job" >&2; exit 1 ;; esac
curl -fsS -H 'Accept: application/pdf' -o "$work/report.pdf" "http://127.0.0.1:8083/api/v1/reports/$id/content"
head -c 5 "$work/report.pdf" | grep -q '%PDF-' && echo "PDF of $(wc -c < "$work/report.pdf") bytes"

# The signing key is report-service's alone: the other services see the JWKS and no private key.
podman exec "${project}_report-service_1" test -r /run/secrets/report-service-signing-key
for service in indicator-service project-service; do
  if podman exec "${project}_${service}_1" sh -c 'grep -rlqs "PRIVATE KEY" /keys /run/secrets'; then
    echo "$service can read a private key" >&2; exit 1
  fi
done
echo "only report-service holds the signing key"

echo "== logs and stop"
podman logs "${project}_report-service_1" 2>&1 | grep '^{' | tail -1 | grep -q '"level"' && echo "report-service logs JSON"
podman stop -t 40 "${project}_report-service_1" >/dev/null
echo "report-service stopped with exit code $(podman inspect --format '{{.State.ExitCode}}' "${project}_report-service_1")"
echo "STACK TEST PASSED"
