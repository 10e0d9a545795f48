#!/usr/bin/env bash
# Silo loss under load, with real processes: three silos on PostgreSQL membership, follow and
# statuses traffic through two of them, SIGKILL of the third, then a check that every
# acknowledged follow is still there.
#   scripts/silo-loss.sh [SECONDS_BEFORE_KILL] [SECONDS_AFTER_KILL]
# Prints the acknowledged, failed and lost counts and the failover window (from the kill to the
# last failed request). Uses its own throwaway PostgreSQL and ports 5180-5182.
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:-5}
after=${2:-25}
work=$(mktemp -d /tmp/silo-loss.XXXXXX)
chmod 755 "$work"
pg="$work/postgres"
export ConnectionStrings__Postgres
ConnectionStrings__Postgres=$(scripts/postgres.sh start "$pg" 15499)
key=$(openssl rand -base64 32)
export Authentication__Schemes__Bearer__SigningKeys__0__Value=$key
export Authentication__Schemes__Bearer__ValidIssuer=user-graph-dev
export Authentication__Schemes__Bearer__ValidAudiences__0=user-graph
export Authentication__Schemes__Bearer__SigningKeys__0__Issuer=user-graph-dev
export Orleans__ClusterId="silo-loss-$$"

PORT=5180 Logging__LogLevel__Default=Warning ./run.sh --silos 3 > "$work/run.log" 2>&1 &
runner=$!
cleanup() {
  kill -TERM "$runner" 2>/dev/null || true  # background jobs of a script ignore SIGINT
  wait "$runner" 2>/dev/null || true
  scripts/postgres.sh destroy "$pg"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  grep -q "Ctrl-C" "$work/run.log" && break
  kill -0 "$runner" 2>/dev/null || { cat "$work/run.log"; exit 1; }
  sleep 0.5
done

now() { date +%s.%N; }
# Each writer rotates over 8 followers, so the 64 follower grains spread over all three silos.
writer() {
  local w=$1 port=$2 i=0 tokens=()
  for k in $(seq 0 7); do tokens+=("$(scripts/dev-token.sh $((1000 + 8 * w + k)))"); done
  while [ ! -f "$work/stop" ]; do
    i=$((i + 1))
    local follower=$((1000 + 8 * w + i % 8)) token=${tokens[$((i % 8))]}
    local followee=$((100000 * (w + 1) + i))
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 20 -X PUT "http://127.0.0.1:$port/api/v2/user/$followee/follow/" \
      -H "Authorization: Bearer $token" || echo 000)
    echo "$(now) $code $follower $followee" >> "$work/writes.$w"
  done
}

writers=()
for w in $(seq 0 7); do writer "$w" $((5180 + w % 2)) & writers+=($!); done
sleep "$before"
victim=$(pgrep -f "urls http://127.0.0.1:5182" | head -n 1)
killed_at=$(now)
kill -9 "$victim"
sleep "$after"
touch "$work/stop"
wait "${writers[@]}" 2>/dev/null || true

cat "$work"/writes.* > "$work/writes"
acknowledged=$(awk '$2 == 200' "$work/writes" | wc -l)
failed=$(awk '$2 != 200' "$work/writes" | wc -l)
codes=$(awk '$2 != 200 { print $2 }' "$work/writes" | sort | uniq -c | tr '\n' ' ')
window=$(awk -v k="$killed_at" '$2 != 200 && $1 > k { last = $1 } END { printf "%.1f", (last ? last - k : 0) }' "$work/writes")

lost=0
while read -r _ _ follower followee; do
  token=$(scripts/dev-token.sh "$follower")
  status=$(curl -s "http://127.0.0.1:5180/api/v2/user/connection/statuses/?users=$followee" -H "Authorization: Bearer $token")
  [ "$status" = "{\"connection_statuses\":{\"$followee\":\"followed\"}}" ] || { lost=$((lost + 1)); echo "lost: $follower -> $followee ($status)"; }
done < <(awk '$2 == 200' "$work/writes")

echo "acknowledged follows: $acknowledged"
echo "failed requests: $failed (status codes: ${codes:-none})"
echo "failover window: ${window} s after the kill"
echo "lost acknowledged follows: $lost"
[ "$lost" -eq 0 ]
