#!/usr/bin/env bash
# Prints a JWKS (RFC 7517) of RSA public keys, each under the kid given, for JWT_PUBLIC_KEY_LOCATION: the identity
# provider's key(s) and report-service's, which the services must all trust (deploy/README.md, "The two keys").
#   deploy/jwks.sh KID=KEY.pem [KID=KEY.pem ...] > jwks.json
# KEY.pem is a public key (openssl pkey -pubout) or a private one (only its public half is written). Needs openssl.
# To add report-service's key to the JWKS your identity provider publishes (a URL), merge the two sets, e.g. with jq:
#   curl -fsS https://sso.example.gov.cn/realms/planning/protocol/openid-connect/certs > idp.json
#   deploy/jwks.sh planmonitor-service=report-service-signing-key.pem > report.json
#   jq -s '{keys: (.[0].keys + .[1].keys)}' idp.json report.json > jwks.json
set -euo pipefail
[ $# -gt 0 ] || { echo "usage: $0 KID=KEY.pem [KID=KEY.pem ...]" >&2; exit 2; }
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
hex_to_bytes() { printf "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }
keys=()
for argument in "$@"; do
  kid=${argument%%=*}
  pem=${argument#*=}
  [ -n "$kid" ] && [ "$kid" != "$argument" ] && [ -r "$pem" ] || { echo "$argument: expected KID=readable PEM file" >&2; exit 2; }
  in=(-in "$pem")
  grep -q 'PRIVATE KEY' "$pem" || in+=(-pubin)
  modulus=$(openssl rsa "${in[@]}" -noout -modulus 2>/dev/null | sed 's/^Modulus=//')
  exponent=$(openssl rsa "${in[@]}" -noout -text 2>/dev/null | sed -n 's/^\(publicExponent\|Exponent\): [0-9]* (0x\([0-9a-fA-F]*\))$/\2/p')
  [ -n "$modulus" ] && [ -n "$exponent" ] || { echo "$pem: not an RSA key" >&2; exit 1; }
  [ $((${#exponent} % 2)) -eq 0 ] || exponent=0$exponent
  keys+=("$(printf '{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}' \
    "$kid" "$(hex_to_bytes "$modulus" | b64url)" "$(hex_to_bytes "$exponent" | b64url)")")
done
(IFS=,; printf '{"keys":[%s]}\n' "${keys[*]}")
