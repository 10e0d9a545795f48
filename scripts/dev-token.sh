#!/usr/bin/env bash
# Mints an HS256 development token for a user id, signed with the key ./run.sh uses.
#   scripts/dev-token.sh USER_ID [MINUTES] [SCOPE]
# SCOPE "graph:admin" makes an operator's token (admin endpoints, the dashboard).
# Honours the same Authentication__Schemes__Bearer__* variables as the service.
set -euo pipefail
cd "$(dirname "$0")/.."
user=${1:?usage: dev-token.sh USER_ID [MINUTES] [SCOPE]}
minutes=${2:-60}
scope=${3:-}
case "$scope" in *[!A-Za-z0-9:._\ -]*) echo "dev-token.sh: SCOPE takes letters, digits, ':', '.', '_', '-' and spaces" >&2; exit 2 ;; esac
key=${Authentication__Schemes__Bearer__SigningKeys__0__Value:-$(cat .data/dev-signing-key 2>/dev/null || true)}
[ -n "$key" ] || { echo "dev-token.sh: no signing key: run ./run.sh once, or set Authentication__Schemes__Bearer__SigningKeys__0__Value" >&2; exit 1; }
issuer=${Authentication__Schemes__Bearer__ValidIssuer:-user-graph-dev}
audience=${Authentication__Schemes__Bearer__ValidAudiences__0:-user-graph}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"%s","iss":"%s","aud":"%s","iat":%d,"nbf":%d,"exp":%d%s}' \
  "$user" "$issuer" "$audience" "$now" "$now" $((now + minutes * 60)) "${scope:+,\"scope\":\"$scope\"}" | b64url)
hexkey=$(printf '%s' "$key" | base64 -d | od -An -v -tx1 | tr -d ' \n')
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -binary -sha256 -mac HMAC -macopt "hexkey:$hexkey" | b64url)
echo "$header.$payload.$signature"
