#!/usr/bin/env bash
# Makes what the compose stack needs before its first `up`, beside compose.yaml, and never overwrites a file that is
# there (run it again after deleting one to make it anew). Prints no password, key or token.
#   ./init.sh --issuer ISS (--idp-key KID=PUBLIC.pem | --idp-jwks FILE | --operator-key FILE)
#     --issuer ISS         JWT_ISSUER: the issuer (iss) of your users' tokens, written to .env
#     --idp-key KID=PEM    your identity provider's public key (PEM) and the kid its tokens name
#     --idp-jwks FILE      or its JWKS (e.g. Keycloak's <issuer>/protocol/openid-connect/certs, saved); needs jq
#     --operator-key FILE  or, for a first deployment without an identity provider: a key pair of your own, made at
#                          FILE if it is missing (keep it off this machine's shared places; never in the repository),
#                          kid "operator"; deploy/token.sh mints tokens with it (deploy/README.md, "Tokens")
# Makes:
#   .env                                from .env.example, with JWT_ISSUER and JWT_PUBLIC_KEY_LOCATION filled in
#   secrets/postgres.env                the superuser's password and each service's two (random, 32 hex digits)
#   secrets/<service>.env               that service's two passwords, as QUARKUS_DATASOURCE_PASSWORD and _FLYWAY_
#   secrets/seed.env                    SEED_TOKEN=, empty until you put an admin token there
#   secrets/report-service-signing-key.pem   report-service's private key (RSA 2048), readable by uid 185 only
#   keys/jwks.json                      the JWKS every service trusts: the provider's (or operator's) key(s) and
#                                       report-service's public key under SERVICE_TOKEN_KEY_ID (planmonitor-service)
# Needs openssl (and jq for --idp-jwks). Run as root (or with sudo) so the key can be given to uid 185.
set -euo pipefail
cd "$(dirname "$0")"
issuer= idp_key= idp_jwks= operator_key=
usage() { sed -n '2,/^# Needs/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --issuer) issuer=$2; shift 2 ;;
    --idp-key) idp_key=$2; shift 2 ;;
    --idp-jwks) idp_jwks=$2; shift 2 ;;
    --operator-key) operator_key=$2; shift 2 ;;
    *) usage ;;
  esac
done
umask 077
made() { echo "made $1"; }
kept() { echo "kept $1 (already there)"; }

# --- .env: settings, no secrets
if [ ! -e .env ]; then
  [ -n "$issuer" ] || { echo "--issuer is needed to write .env (JWT_ISSUER)" >&2; exit 2; }
  sed -e "s|^JWT_ISSUER=.*|JWT_ISSUER=$issuer|" -e 's|^JWT_PUBLIC_KEY_LOCATION=.*|JWT_PUBLIC_KEY_LOCATION=file:/keys/jwks.json|' \
    .env.example > .env
  chmod 644 .env
  made .env
else
  kept .env
fi

# --- passwords: each made once and written where it is used
mkdir -p secrets keys
chmod 700 secrets
password() { openssl rand -hex 16; }
if [ ! -e secrets/postgres.env ]; then
  declare -A pw=()
  for s in INDICATOR PROJECT REPORT; do pw[${s}_DB]=$(password); pw[${s}_DB_OWNER]=$(password); done
  {
    echo "# PostgreSQL's superuser, and the roles initdb/10-planmonitor-databases.sh creates on the first start only."
    echo "POSTGRES_PASSWORD=$(password)"
    for s in INDICATOR PROJECT REPORT; do
      echo "${s}_DB_PASSWORD=${pw[${s}_DB]}"
      echo "${s}_DB_OWNER_PASSWORD=${pw[${s}_DB_OWNER]}"
    done
  } > secrets/postgres.env
  for s in INDICATOR PROJECT REPORT; do
    service=$(echo "$s" | tr 'A-Z' 'a-z')-service
    printf '# %s connects as planmonitor_%s and migrates as its owner.\nQUARKUS_DATASOURCE_PASSWORD=%s\nQUARKUS_FLYWAY_PASSWORD=%s\n' \
      "$service" "$(echo "$s" | tr 'A-Z' 'a-z')" "${pw[${s}_DB]}" "${pw[${s}_DB_OWNER]}" > "secrets/$service.env"
    made "secrets/$service.env"
  done
  made secrets/postgres.env
else
  kept "secrets/postgres.env and the services' env files"
fi
if [ ! -e secrets/seed.env ]; then
  echo "SEED_TOKEN=" > secrets/seed.env
  made "secrets/seed.env (empty: put an admin token there before the first up)"
else
  kept secrets/seed.env
fi

# --- report-service's key: its private half for report-service alone (uid 185), its public half into the JWKS
signing=secrets/report-service-signing-key.pem
if [ ! -e "$signing" ]; then
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$signing" 2>/dev/null
  chown 185 "$signing" 2>/dev/null || echo "warning: could not give $signing to uid 185 (not root?): report-service cannot read it" >&2
  chmod 400 "$signing"
  made "$signing"
else
  kept "$signing"
fi

# --- the JWKS
if [ ! -e keys/jwks.json ]; then
  service_kid=$(sed -n 's/^SERVICE_TOKEN_KEY_ID=//p' .env | tail -1)
  service_kid=${service_kid:-planmonitor-service}
  if [ -n "$operator_key" ]; then
    if [ ! -e "$operator_key" ]; then
      openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$operator_key" 2>/dev/null
      made "$operator_key (your operator key: keep it safe; deploy/token.sh signs with it)"
    fi
    idp_key="operator=$operator_key"
  fi
  if [ -n "$idp_key" ]; then
    ../jwks.sh "$idp_key" "$service_kid=$signing" > keys/jwks.json
  elif [ -n "$idp_jwks" ]; then
    command -v jq >/dev/null || { echo "--idp-jwks needs jq (apt-get install jq)" >&2; exit 1; }
    ../jwks.sh "$service_kid=$signing" | jq -s '{keys: (.[0].keys + .[1].keys)}' "$idp_jwks" - > keys/jwks.json
  else
    echo "keys/jwks.json needs the identity provider's key: --idp-key KID=PEM, --idp-jwks FILE or --operator-key FILE" >&2
    exit 2
  fi
  chmod 755 keys
  chmod 644 keys/jwks.json
  made "keys/jwks.json (kids: $(grep -o '"kid": *"[^"]*"' keys/jwks.json | sed 's/.*"\([^"]*\)"$/\1/' | paste -sd' '))"
else
  kept keys/jwks.json
fi
