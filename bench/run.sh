#!/usr/bin/env bash
# Measures the service beside its baselines in one run (see README, "Performance").
#   bench/run.sh [--small]
# Builds Release, installs wrk if missing, starts a throwaway PostgreSQL, seeds the same graph into
# the service and the db-direct peer, then runs every workload against ceiling, jwt-ceiling,
# db-direct and the service, one after another with warm-up, and prints a table and ratio lines.
set -euo pipefail
cd "$(dirname "$0")/.."
users=100000 follows=100 callers=10000 warmup=5 duration=20
if [ "${1:-}" = "--small" ]; then users=10000 callers=2000 warmup=3 duration=5; fi

command -v wrk >/dev/null || { DEBIAN_FRONTEND=noninteractive apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
dotnet build src/Silo -c Release -nologo -v quiet >/dev/null
dotnet build bench/Harness -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/user-graph-bench.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  scripts/postgres.sh destroy "$work/postgres"
}
trap cleanup EXIT

connection=$(scripts/postgres.sh start "$work/postgres" 15498)
key=$(openssl rand -base64 32)
harness=bench/Harness/bin/Release/net10.0/UserGraph.Bench.Harness.dll
echo "seeding $users users x $follows follows..."
dotnet "$harness" seed "$connection" bench "$users" "$follows" "$callers" "$key" "$work/callers.txt"

silo=src/Silo/bin/Release/net10.0
ConnectionStrings__Postgres="$connection" Orleans__ServiceId=bench Orleans__ClusterId=bench \
Orleans__SiloPort=11311 Orleans__GatewayPort=30311 Logging__LogLevel__Default=Warning \
Authentication__Schemes__Bearer__ValidIssuer=user-graph-bench \
Authentication__Schemes__Bearer__ValidAudiences__0=user-graph \
Authentication__Schemes__Bearer__SigningKeys__0__Issuer=user-graph-bench \
Authentication__Schemes__Bearer__SigningKeys__0__Value="$key" \
Gateway__RateLimit__UserPermitsPerSecond=1000000 Gateway__RateLimit__UserBurst=1000000 \
  dotnet "$silo/UserGraph.Silo.dll" --contentRoot "$PWD/$silo" --urls http://127.0.0.1:5280 > "$work/service.log" 2>&1 &
service=$!
pids+=("$service")
dotnet "$harness" serve "$connection" "$key" --urls http://127.0.0.1:5281 > "$work/peer.log" 2>&1 &
peer=$!
pids+=("$peer")
for url in http://127.0.0.1:5280/health/ready http://127.0.0.1:5281/ceiling/statuses; do
  for _ in $(seq 1 120); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X "$([ "${url##*/}" = ready ] && echo GET || echo POST)" "$url" || true)
    [ "$code" = 200 ] && break
    sleep 0.5
  done
done

cpu_seconds() { awk '{ printf "%.2f", ($14 + $15) / 100 }' "/proc/$1/stat"; }
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) { sub(/us/, "", v); print v / 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v); print v + 0 } else { sub(/s/, "", v); print v * 1000 } }'; }

printf '%-14s %-12s %5s %10s %9s %9s %8s\n' workload target conns "req/s" "p50 ms" "p99 ms" "cpu s" | tee "$work/table.txt"
# measure NAME TARGET URL CONNS IDS SERVER_PID [follow PATH]
measure() {
  local name=$1 target=$2 url=$3 conns=$4 ids=$5 pid=$6 mode=${7:-statuses} path=${8:-}
  wrk -t2 -c"$conns" -d"${warmup}s" -s bench/load.lua "$url" -- "$work/callers.txt" "$ids" "$mode" "$path" >/dev/null
  local before out rps p50 p99 after
  before=$(cpu_seconds "$pid")
  out=$(wrk -t2 -c"$conns" -d"${duration}s" --latency -s bench/load.lua "$url" -- "$work/callers.txt" "$ids" "$mode" "$path")
  after=$(cpu_seconds "$pid")
  rps=$(echo "$out" | awk '/Requests\/sec/ { print $2 }')
  p50=$(to_ms "$(echo "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(echo "$out" | awk '$1 == "99%" { print $2 }')")
  printf '%-14s %-12s %5s %10.0f %9.2f %9.2f %8.2f\n' "$name" "$target" "$conns" "$rps" "$p50" "$p99" \
    "$(awk -v a="$after" -v b="$before" 'BEGIN { print a - b }')" | tee -a "$work/table.txt"
  echo "$name $target $conns $rps $p50 $p99" >> "$work/results.txt"
}

# One pass over every target first: JIT, connection pools and every caller's grain activated.
for target in ceiling jwt db; do
  wrk -t2 -c32 -d"${warmup}s" -s bench/load.lua "http://127.0.0.1:5281/$target/statuses" -- "$work/callers.txt" 100 >/dev/null
done
wrk -t2 -c32 -d"$((warmup * 3))s" -s bench/load.lua http://127.0.0.1:5280/api/v2/user/connection/statuses/ -- "$work/callers.txt" 100 >/dev/null

for conns in 32 128; do
  for ids in 100 1; do
    measure "statuses-$ids" ceiling http://127.0.0.1:5281/ceiling/statuses "$conns" "$ids" "$peer"
    measure "statuses-$ids" jwt-ceiling http://127.0.0.1:5281/jwt/statuses "$conns" "$ids" "$peer"
    measure "statuses-$ids" db-direct http://127.0.0.1:5281/db/statuses "$conns" "$ids" "$peer"
    measure "statuses-$ids" service http://127.0.0.1:5280/api/v2/user/connection/statuses/ "$conns" "$ids" "$service"
  done
done
measure follow db-direct http://127.0.0.1:5281 32 1 "$peer" follow "/db/follow/%s"
measure follow service http://127.0.0.1:5280 32 1 "$service" follow "/api/v2/user/%s/follow/"

echo "peak RSS: service $(awk '/VmHWM/ { print $2 / 1024 " MiB" }' /proc/$service/status), peer $(awk '/VmHWM/ { print $2 / 1024 " MiB" }' /proc/$peer/status)"

value() { awk -v n="$1" -v t="$2" -v c="$3" -v f="$4" '$1 == n && $2 == t && $3 == c { print $f }' "$work/results.txt"; }
ratio() { # NAME NUMERATOR DENOMINATOR OP TARGET
  awk -v n="$1" -v a="$2" -v b="$3" -v op="$4" -v t="$5" 'BEGIN {
    r = (b > 0) ? a / b : 0
    met = (op == ">=") ? (r >= t) : (r <= t)
    printf "ratio: %s = %.2f (target %s %s) %s\n", n, r, op, t, met ? "met" : "missed" }'
}
ratio statuses-100-vs-jwt-ceiling "$(value statuses-100 service 32 4)" "$(value statuses-100 jwt-ceiling 32 4)" ">=" 0.9
ratio statuses-100-vs-db-direct "$(value statuses-100 service 32 4)" "$(value statuses-100 db-direct 32 4)" ">=" 5
ratio statuses-100-p99-vs-jwt-ceiling "$(value statuses-100 service 32 6)" "$(value statuses-100 jwt-ceiling 32 6)" "<=" 1.5
ratio statuses-1-vs-jwt-ceiling "$(value statuses-1 service 32 4)" "$(value statuses-1 jwt-ceiling 32 4)" ">=" 0.9
ratio writes-vs-db-direct "$(value follow service 32 4)" "$(value follow db-direct 32 4)" ">=" 0.7
