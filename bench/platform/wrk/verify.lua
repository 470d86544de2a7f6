-- POST /v1/rp/verify-card with pre-signed card logins, one JSON body a line in the file args[1];
-- thread i of n takes lines i, i + n, ... so that no challenge is used twice (a replay is 409).
dofile(os.getenv("WRK_SCRIPT_DIR") .. "/common.lua")
local requests = {}
local next_index = 1
local headers = {["Content-Type"] = "application/json"}

function init(args)
   local threads = tonumber(args[2]) or 1
   local line_no = 0
   for line in io.lines(args[1]) do
      if line_no % threads == (thread_id or 0) then
         requests[#requests + 1] = wrk.format("POST", "/v1/rp/verify-card", headers, line)
      end
      line_no = line_no + 1
   end
end

function request()
   local r = requests[next_index]
   next_index = next_index + 1
   if next_index > #requests then
      next_index = 1 -- out of fresh challenges: the replays answer 409 and show up as errors
   end
   return r
end
