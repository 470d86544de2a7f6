-- POST /v1/rp/qualification for a random seeded card (args: number of cards).
dofile(os.getenv("WRK_SCRIPT_DIR") .. "/common.lua")
local cards = 100000
local headers = {["Content-Type"] = "application/json"}

function init(args)
   cards = tonumber(args[1]) or cards
   math.randomseed(os.time() + (thread_id or 0))
end

function request()
   local body = string.format('{"cardId":"ee:%08x","assurance":"tap_only"}', math.random(1, cards))
   return wrk.format("POST", "/v1/rp/qualification", headers, body)
end
