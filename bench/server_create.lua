-- wrk script: every request brings a new voice contact into a queue (a durable command: the
-- answer comes after its events are committed). The token comes from the environment.
local token = os.getenv("HOTLINE_TOKEN")
local queues = {"general", "cards"}
local n = 0
request = function()
  n = n + 1
  local body = '{"channel":"voice","from":"1380013' .. string.format("%04d", n % 10000) ..
               '","queue":"' .. queues[n % 2 + 1] .. '"}'
  return wrk.format("POST", "/api/v1/interactions",
                    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
done = function(summary, latency, requests)
  io.write(string.format("durable commands: %.0f/s  p50 %.2f ms  p99 %.2f ms  errors %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.status + summary.errors.connect +
    summary.errors.read + summary.errors.write + summary.errors.timeout))
end
