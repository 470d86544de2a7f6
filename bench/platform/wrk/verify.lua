-- POST /v1/rp/verify-card with pre-signed card logins, one JSON body a line; thread i reads its own
-- file args[1] .. "." .. i (CardLogins.cpp deals the bodies out), so that no challenge is used twice (a
-- replay is 409) and every thread's init is equally short.
dofile(os.getenv("WRK_SCRIPT_DIR") .. "/common.lua")
local requests = {}
local next_index = 1
local headers = {["Content-Type"] = "application/json"}

function init(args)
   for line in io.lines(args[1] .. "." .. (thread_id or 0)) do
      requests[#requests + 1] = wrk.format("POST", "/v1/rp/verify-card", headers, line)
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
