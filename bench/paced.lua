-- bench/load.lua at a steady rate: each connection waits 1000 / PACE ms between an answer and its
-- next request, for the soak's load below capacity.
--   wrk ... -s bench/paced.lua URL -- DATA_FILE IDS_PER_REQUEST MODE PATH_TEMPLATE THREADS PACE
dofile("bench/load.lua")

function delay()
  return pause_ms
end
