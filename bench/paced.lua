-- bench/load.lua at a steady rate: each connection waits 1000 / PACE ms between an answer and its
-- next request, for the soak's load below capacity.
--   wrk ... -s bench/paced.lua URL -- DATA_FILE IDS_PER_REQUEST MODE PATH_TEMPLATE THREADS PACE
-- With LATENCY_HISTOGRAM set, every distinct latency (us) and its count are appended to that file,
-- so that runs can be merged into one distribution (the soak's p99 over all its windows).
dofile("bench/load.lua")

function delay()
  return pause_ms
end

function done(summary, latency, requests)
  local path = os.getenv("LATENCY_HISTOGRAM")
  if not path or path == "" then return end
  local file = assert(io.open(path, "a"))
  -- latency(i) is the i-th distinct value and its count (wrk's SCRIPTING, "raw value and count").
  for i = 1, #latency do
    local value, count = latency(i)
    file:write(string.format("%d %d\n", value, count))
  end
  file:close()
end
