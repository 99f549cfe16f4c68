-- Pipelined requests: WRK_DEPTH (default 16) requests written at once on each connection, as TechEmpower's
-- plaintext test does. Takes most of the per-request socket and system-call cost out of the measurement, so what
-- is left is mostly the server's own work per request. WRK_METHOD is GET, POST (with the JSON body) or OPTIONS.
local depth = tonumber(os.getenv("WRK_DEPTH") or "16")
local method = os.getenv("WRK_METHOD") or "GET"
local pipelined

init = function(args)
  local headers, body = {}, nil
  if method == "POST" then
    headers["Content-Type"] = "application/json"
    body = '{"name":"Widget","price":12.5}'
  end
  local requests = {}
  for i = 1, depth do
    requests[i] = wrk.format(method, nil, headers, body)
  end
  pipelined = table.concat(requests)
end

request = function()
  return pipelined
end
