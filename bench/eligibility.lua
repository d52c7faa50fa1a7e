-- wrk script: GET /api/v1/eligibility for random IDs from the sample file.
local ids = {}
local path = os.getenv("BHXH_IDS") or "/tmp/bhxh_ids.txt"
for line in io.lines(path) do ids[#ids + 1] = line end
math.randomseed(42)
request = function()
  local id = ids[math.random(#ids)]
  return wrk.format("GET", "/api/v1/eligibility?id=" .. id .. "&facility=01001&date=2026-11-20", {
    ["Authorization"] = "Bearer demo-facility-token"
  })
end
