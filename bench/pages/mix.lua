-- A realistic directory mix: the materials' Korean names as queries, pages 1-3, relevance or name order.
-- Loaded by bench/pages.sh with wrk; WRK_QUERIES holds the URL-encoded queries, one per line.
local queries = {}
for line in io.lines(os.getenv("WRK_QUERIES")) do queries[#queries + 1] = line end
local sorts = { "", "&sort=Name" }
counter = 0
request = function()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  local page = (math.floor(counter / #queries) % 3) + 1
  local sort = sorts[(math.floor(counter / (#queries * 3)) % 2) + 1]
  return wrk.format("GET", "/directory?q=" .. q .. "&pageNumber=" .. page .. sort)
end
