-- wrk script: callers rotate over the data file's lines (token + ids).
--   wrk ... -s bench/load.lua URL -- DATA_FILE IDS_PER_REQUEST [follow PATH_TEMPLATE]
local callers = {}
local counter = 0
local mode = "statuses"
local path_template = nil

function init(args)
  local count = tonumber(args[2])
  mode = args[3] or "statuses"
  path_template = args[4]
  for line in io.lines(args[1]) do
    local fields = {}
    for word in line:gmatch("%S+") do fields[#fields + 1] = word end
    local token = table.remove(fields, 1)
    local ids = {}
    for i = 1, count do ids[i] = fields[i] end
    callers[#callers + 1] = {
      auth = "Bearer " .. token,
      body = '{"users":[' .. table.concat(ids, ",") .. ']}',
      target = fields[2],
    }
  end
  counter = math.random(#callers)
end

function request()
  counter = counter % #callers + 1
  local caller = callers[counter]
  if mode == "follow" then
    -- Alternate follow and unfollow of the same target, so the graph stays the same size.
    local method = (math.floor(counter / #callers) % 2 == 0) and "PUT" or "DELETE"
    return wrk.format(method, string.format(path_template, caller.target), { ["Authorization"] = caller.auth }, nil)
  end
  return wrk.format("POST", nil, { ["Authorization"] = caller.auth, ["Content-Type"] = "application/json" }, caller.body)
end
