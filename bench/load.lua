-- wrk script: callers rotate over the data file's lines (token + ids).
--   wrk -tTHREADS ... -s bench/load.lua URL -- DATA_FILE IDS_PER_REQUEST [MODE PATH_TEMPLATE THREADS [PACE]]
-- MODE statuses (default), follow, or mix (every 10th request a follow toggle, the rest statuses);
-- unique: statuses, each wrk thread owning every n-th line, so a file of single-use tokens is never reused.
-- In follow and mix modes each wrk thread owns every n-th caller, and each caller alternates between
-- following and unfollowing its target, so every follow changes the graph and its size stays put.
-- PACE: requests per second per connection, used by bench/paced.lua (this script itself sends as
-- fast as answers come: defining wrk's delay() here would add a timer to every measured request).
local thread_count = 0
local callers = {}
local counter = 0
local mode = "statuses"
local path_template = nil
-- Global, for bench/paced.lua.
pause_ms = 0

function setup(thread)
  thread:set("id", thread_count)
  thread_count = thread_count + 1
end

function init(args)
  local count = tonumber(args[2])
  mode = args[3] or "statuses"
  path_template = args[4]
  local threads = tonumber(args[5] or "1")
  local pace = tonumber(args[6] or "0")
  if pace > 0 then pause_ms = 1000 / pace end
  local line_number = 0
  for line in io.lines(args[1]) do
    line_number = line_number + 1
    if mode == "statuses" or line_number % threads == id then
      local fields = {}
      for word in line:gmatch("%S+") do fields[#fields + 1] = word end
      local token = table.remove(fields, 1)
      local ids = {}
      for i = 1, count do ids[i] = fields[i] end
      callers[#callers + 1] = {
        auth = "Bearer " .. token,
        body = '{"users":[' .. table.concat(ids, ",") .. ']}',
        -- An id the seeder did not make the caller follow (odd positions are random).
        target = fields[2],
        following = false,
      }
    end
  end
  counter = math.random(#callers)
end

function request()
  counter = counter % #callers + 1
  local caller = callers[counter]
  if mode == "follow" or (mode == "mix" and counter % 10 == 0) then
    caller.following = not caller.following
    local method = caller.following and "PUT" or "DELETE"
    return wrk.format(method, string.format(path_template, caller.target), { ["Authorization"] = caller.auth }, nil)
  end
  return wrk.format("POST", nil, { ["Authorization"] = caller.auth, ["Content-Type"] = "application/json" }, caller.body)
end
