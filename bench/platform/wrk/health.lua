-- GET /v1/health (SELECT 1): the floor of one mutual-TLS keep-alive request.
dofile(os.getenv("WRK_SCRIPT_DIR") .. "/common.lua")
wrk.path = "/v1/health"
