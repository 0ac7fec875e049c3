#!/usr/bin/env bash
# Mints a short-lived bearer token (RS256 JWT) the services accept, from a private key the operator holds: for a first
# deployment before an identity provider is connected (the seed step's admin token, a planner's first session), or
# for a script. The key's public half must be in the services' JWKS under the same kid (deploy/jwks.sh); never commit
# the private key or put it where a container can read it.
#   deploy/token.sh [options] ROLE [DEPARTMENT ...]          prints the token alone, e.g. TOKEN=$(deploy/token.sh admin)
#     ROLE          planner, department, reporter or admin (README.md, "Security")
#     DEPARTMENT    department codes, for the department role (the departments claim), e.g. DRC
#   options (or their environment variables):
#     --key FILE        the private key (PEM)                      TOKEN_KEY
#     --kid KID         its key id in the JWKS                     TOKEN_KID
#     --issuer ISS      JWT_ISSUER, as the services are given it   JWT_ISSUER
#     --audience AUD    JWT_AUDIENCE (default planmonitor)         JWT_AUDIENCE
#     --minutes N       lifetime, at most 1440 (the services refuse tokens living longer than 24 h; default 60)
#     --subject NAME    who the audit trail records (default operator-ROLE)
# Needs openssl.
set -euo pipefail
key=${TOKEN_KEY:-} kid=${TOKEN_KID:-} issuer=${JWT_ISSUER:-} audience=${JWT_AUDIENCE:-planmonitor} minutes=60 subject=
usage() { sed -n '2,/^# Needs/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
  case $1 in
    --key) key=$2; shift 2 ;;
    --kid) kid=$2; shift 2 ;;
    --issuer) issuer=$2; shift 2 ;;
    --audience) audience=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --subject) subject=$2; shift 2 ;;
    -h|--help) usage ;;
    --*) echo "unknown option $1" >&2; usage ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || usage
role=$1; shift
case $role in planner|department|reporter|admin) ;; *) echo "ROLE must be planner, department, reporter or admin, not $role" >&2; exit 2 ;; esac
[ "$role" != department ] || [ $# -gt 0 ] || { echo "a department token names its department codes: $0 department DRC" >&2; exit 2; }
[ -r "$key" ] || { echo "--key (TOKEN_KEY): a readable private key is needed" >&2; exit 2; }
[ -n "$kid" ] || { echo "--kid (TOKEN_KID): the key's id in the JWKS is needed (the JWKS holds more than one key)" >&2; exit 2; }
[ -n "$issuer" ] || { echo "--issuer (JWT_ISSUER): the issuer the services are given is needed" >&2; exit 2; }
case $minutes in ''|*[!0-9]*) echo "--minutes: a whole number of minutes" >&2; exit 2 ;; esac
[ "$minutes" -ge 1 ] && [ "$minutes" -le 1440 ] || { echo "--minutes: 1 to 1440 (24 h, the longest the services accept)" >&2; exit 2; }
json_string() { # a JSON string of $1: the names here are codes and words, but quotes and backslashes are escaped anyway
  printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g')"
}
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
departments=
for code in "$@"; do departments="$departments${departments:+,}$(json_string "$code")"; done
now=$(date +%s)
subject=${subject:-operator-$role}
header=$(printf '{"alg":"RS256","typ":"JWT","kid":%s}' "$(json_string "$kid")" | b64url)
claims=$(printf '{"iss":%s,"aud":%s,"sub":%s,"upn":%s,"groups":[%s],"departments":[%s],"iat":%d,"exp":%d,"jti":"%s"}' \
  "$(json_string "$issuer")" "$(json_string "$audience")" "$(json_string "$subject")" "$(json_string "$subject")" \
  "$(json_string "$role")" "$departments" "$now" $((now + minutes * 60)) "$(openssl rand -hex 12)" | b64url)
signature=$(printf '%s.%s' "$header" "$claims" | openssl dgst -sha256 -sign "$key" | b64url)
printf '%s.%s.%s\n' "$header" "$claims" "$signature"
