-- Shared by the platform benchmark's wrk scripts: thread numbering and a result line that
-- PlatformBench.cpp parses (requests/s, p50 and p99 in microseconds, HTTP errors).
local counter = 0
function setup(thread)
   thread:set("thread_id", counter)
   counter = counter + 1
end

function done(summary, latency, requests)
   io.write(string.format("WRK_RESULT %.1f %d %d %d %d\n",
      summary.requests / (summary.duration / 1e6), latency:percentile(50.0), latency:percentile(99.0),
      summary.errors.status, summary.requests))
end
