-- The over-HTTP bench's requests sent by wrk (bench/wrk_load.py): each prebuilt signed request once, on keep-alive
-- connections, one wrk thread a server port (GOVBOT_WRK_PORTS), each thread its own share of the requests
-- (GOVBOT_WRK_DIR/requests-<n>, separated by NUL bytes). A thread stops once every request of its share is answered,
-- and says so by a file GOVBOT_WRK_DIR/done-<n>: wrk itself runs out its whole duration unless interrupted (SIGINT).
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } govbot_timespec;
int clock_gettime(int clock, govbot_timespec *now);
]]
local clock = ffi.new("govbot_timespec")

local function now()
  ffi.C.clock_gettime(1, clock) -- CLOCK_MONOTONIC, as Python's time.monotonic()
  return tonumber(clock.tv_sec) + tonumber(clock.tv_nsec) / 1e9
end

-- A connection whose share is sent waits on a request never finished (no blank line ends its headers): wrk sends a
-- connection's next request when the last is answered, and this one never is, so it sends nothing more. The server
-- reads a few bytes of headers and waits, which costs it next to nothing, until the thread stops.
local HOLD = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"

local threads, made = {}, 0

function setup(thread)
  made = made + 1
  local ports = {}
  for port in string.gmatch(os.getenv("GOVBOT_WRK_PORTS"), "%d+") do
    ports[#ports + 1] = port
  end
  thread.addr = wrk.lookup("127.0.0.1", ports[made])[1]
  thread:set("part", made)
  thread:set("verifying", made == 1) -- wrk calls the first thread's request() once before it starts, to check it
  threads[#threads + 1] = thread
end

-- A thread's own (global: done() reads them with thread:get).
requests, sent, answered, failed, in_ack, later, first, last = {}, 0, 0, 0, 0, 0, 0, 0

function init(_args)
  local file = assert(io.open(os.getenv("GOVBOT_WRK_DIR") .. "/requests-" .. part, "rb"))
  local all = file:read("*a")
  file:close()
  for one in string.gmatch(all, "([^%z]+)") do
    requests[#requests + 1] = one
  end
end

function request()
  if verifying then -- wrk's check that a request is whole: it is not sent, so it is not taken from the share
    verifying = false
    return requests[1]
  end
  if sent >= #requests then
    return HOLD
  end
  sent = sent + 1
  if sent == 1 then
    first = now()
  end
  return requests[sent]
end

function response(status, _headers, body)
  answered = answered + 1
  if status ~= 200 then
    failed = failed + 1
  elseif string.find(body, "Your vote on poll", 1, true) then
    in_ack = in_ack + 1
  else
    later = later + 1 -- an empty ack: a bare app's, or govbot's when the receipt went to the response URL
  end
  if answered == #requests then
    last = now()
    assert(io.open(os.getenv("GOVBOT_WRK_DIR") .. "/done-" .. part, "w")):close()
    wrk.thread:stop()
  end
end

function done(_summary, latency, _requests)
  local parts = {}
  for _, thread in ipairs(threads) do
    parts[#parts + 1] = string.format('{"answered": %d, "failed": %d, "in_ack": %d, "later": %d, "first": %.6f, '
      .. '"last": %.6f}', thread:get("answered"), thread:get("failed"), thread:get("in_ack"), thread:get("later"),
      thread:get("first"), thread:get("last"))
  end
  io.write(string.format('GOVBOT-WRK {"median_us": %d, "p99_us": %d, "threads": [%s]}\n',
    latency:percentile(50), latency:percentile(99), table.concat(parts, ", ")))
end
