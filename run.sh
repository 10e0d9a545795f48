#!/usr/bin/env bash
# Runs the whole service: PostgreSQL (project-local unless ConnectionStrings__Postgres is set),
# the schema, and the silo with the REST gateway co-hosted. Ctrl-C stops everything.
#   ./run.sh [--silos N]                   N > 1: a cluster of N silos on PostgreSQL membership,
#                                          each serving HTTP on PORT, PORT+1, ...
#   PORT                                   gateway HTTP port on 127.0.0.1 (default 5080)
#   ConnectionStrings__Postgres            use this database instead of .data/postgres
#   Authentication__Schemes__Bearer__*     JWT settings (default: a local HS256 dev key)
#   Community__Mode                        follow (default) or connection
set -euo pipefail
cd "$(dirname "$0")"
export PORT=${PORT:-5080}
silos=1
while [ $# -gt 0 ]; do
  case "$1" in
    --silos) silos=${2:?--silos needs a number}; shift 2 ;;
    *) echo "usage: ./run.sh [--silos N]" >&2; exit 2 ;;
  esac
done
case "$silos" in ''|*[!0-9]*|0) echo "run.sh: --silos takes a positive number" >&2; exit 2 ;; esac
if [ "$silos" -gt 1 ]; then
  export Orleans__Membership=${Orleans__Membership:-Postgres}
  export Orleans__AdvertisedAddress=${Orleans__AdvertisedAddress:-127.0.0.1}
fi
mkdir -p .data
# The interactive API reference is off in production; this script is for trying the service.
export Gateway__ApiReference=${Gateway__ApiReference:-true}

pg_data="$PWD/.data/postgres"
started_pg=
if [ -z "${ConnectionStrings__Postgres:-}" ]; then
  ConnectionStrings__Postgres=$(scripts/postgres.sh start "$pg_data" "${PGPORT:-15432}")
  export ConnectionStrings__Postgres
  started_pg=1
fi

# Without configured keys or an authority, sign with a development key kept in .data/.
if [ -z "${Authentication__Schemes__Bearer__Authority:-}" ] && [ -z "${Authentication__Schemes__Bearer__SigningKeys__0__Value:-}" ]; then
  [ -s .data/dev-signing-key ] || openssl rand -base64 32 > .data/dev-signing-key
  export Authentication__Schemes__Bearer__SigningKeys__0__Value="$(cat .data/dev-signing-key)"
  export Authentication__Schemes__Bearer__ValidIssuer=${Authentication__Schemes__Bearer__ValidIssuer:-user-graph-dev}
  export Authentication__Schemes__Bearer__ValidAudiences__0=${Authentication__Schemes__Bearer__ValidAudiences__0:-user-graph}
  # ASP.NET Core only uses a configured key whose Issuer is one of the valid issuers.
  export Authentication__Schemes__Bearer__SigningKeys__0__Issuer=$Authentication__Schemes__Bearer__ValidIssuer
fi

dotnet build src/Silo -c Release -nologo -v quiet
bin="$PWD/src/Silo/bin/Release/net10.0"
pids=()
stop() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  [ -z "$started_pg" ] || scripts/postgres.sh stop "$pg_data"
}
trap stop INT TERM EXIT

for i in $(seq 0 $((silos - 1))); do
  Orleans__SiloPort=$((11111 + i)) Orleans__GatewayPort=$((30000 + i)) \
    dotnet "$bin/UserGraph.Silo.dll" --contentRoot "$bin" --urls "http://127.0.0.1:$((PORT + i))" &
  pids+=($!)
done

url="http://127.0.0.1:$PORT"
for i in $(seq 0 $((silos - 1))); do
  for _ in $(seq 1 120); do
    kill -0 "${pids[$i]}" 2>/dev/null || { echo "run.sh: silo $i exited" >&2; exit 1; }
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$((PORT + i))/health/ready" || true)
    [ "$code" = 200 ] && break
    sleep 0.5
  done
done

echo
echo "User graph service: $url"
[ "$silos" -eq 1 ] || echo "  $silos silos in one cluster, serving HTTP on ports $PORT-$((PORT + silos - 1))"
if [ -s .data/dev-signing-key ] && [ -z "${Authentication__Schemes__Bearer__Authority:-}" ]; then
  echo "Dev token for user 1 (mint others with scripts/dev-token.sh USER_ID):"
  echo "  TOKEN=$(scripts/dev-token.sh 1)"
  echo "  curl -s -X POST $url/api/v2/user/connection/statuses/ -H \"Authorization: Bearer \$TOKEN\" -H 'Content-Type: application/json' -d '{\"users\": [1, 7, 9]}'"
fi
if [ -s .data/dev-signing-key ] && [ -z "${Authentication__Schemes__Bearer__Authority:-}" ]; then
  echo "Dashboard: open $url/dashboard-sign-in and paste this operator token (scope graph:admin):"
  echo "  $(scripts/dev-token.sh 1 60 graph:admin)"
fi
if [ "$Gateway__ApiReference" = true ]; then
  echo "API reference (Authorize with the token above, then try any call): $url/api-reference"
fi
echo "Ctrl-C stops the service${started_pg:+ and its PostgreSQL}."
wait "${pids[@]}"
