/**
 * `node scripts/load/demo-table.mjs [URL]`: the table of issue #11 re-measured on a running demo (`npm start`, about
 * 60 listings) with autocannon, as the issue measured it: a static chunk and the mixed public pages at 50
 * connections, the search at 50, each page alone at 10, the public API at 10. SECONDS_PER sets each row's duration
 * (default 15). `npm run load` is the benchmark at 100,000 listings; this is the small-data view beside it.
 */
import autocannon from "autocannon";
const base = process.argv[2] ?? "http://localhost:3000";
const seconds = Number(process.env.SECONDS_PER ?? 15);
const home = await (await fetch(base + "/")).text();
const chunk = home.match(/\/_next\/static\/chunks\/[a-z0-9_-]+\.js/)[0];
const cat = await (await fetch(base + "/technologies")).text();
const slugs = [...new Set([...cat.matchAll(/href="(\/technologies\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
const dem = await (await fetch(base + "/demands")).text();
const dslugs = [...new Set([...dem.matchAll(/href="(\/demands\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
const orgs = await (await fetch(base + "/organizations")).text();
const oslugs = [...new Set([...orgs.matchAll(/href="(\/organizations\/[a-z0-9-]+)"/g)].map((m) => m[1]))];
const queries = ["nuoc thai", "năng lượng mặt trời", "IoT nông nghiệp", "vật liệu nano", "xử lý rác", "máy sấy"];
const mixed = [
  "/",
  "/technologies",
  "/technologies?sector=2",
  "/demands",
  "/technologies?trlMin=6&verified=1",
  ...queries.map((q) => `/search?q=${encodeURIComponent(q)}`),
  ...slugs.slice(0, 8),
  ...dslugs.slice(0, 4),
  ...oslugs.slice(0, 3),
  "/organizations",
  "/statistics",
  "/api/v1/offers",
];
async function run(name, urls, connections) {
  let i = 0;
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: [{ setupRequest: (req) => ({ ...req, path: urls[i++ % urls.length] }) }],
  });
  const row = {
    target: name,
    connections,
    rps: Math.round(result.requests.average * 10) / 10,
    p50: result.latency.p50,
    p97_5: result.latency.p97_5,
    non2xx: result.non2xx,
    errors: result.errors,
  };
  console.log(JSON.stringify(row));
  return row;
}
const rows = [];
rows.push(await run("static JS chunk", [chunk], 50));
rows.push(await run("mixed public pages", mixed, 50));
rows.push(
  await run(
    "/search?q=…",
    queries.map((q) => `/search?q=${encodeURIComponent(q)}`),
    50,
  ),
);
for (const [name, path] of [
  ["home", "/"],
  ["catalog", "/technologies"],
  ["detail", slugs[0]],
  ["search", "/search?q=nuoc%20thai"],
  ["organization", oslugs[0]],
  ["statistics", "/statistics"],
]) {
  rows.push(await run(`${name} alone`, [path], 10));
}
rows.push(await run("/api/v1/offers", ["/api/v1/offers"], 10));
console.log("| target | conn | req/s | p50 ms | p97.5 ms | non-2xx |");
console.log("|---|---|---|---|---|---|");
for (const r of rows)
  console.log(`| ${r.target} | ${r.connections} | ${r.rps} | ${r.p50} | ${r.p97_5} | ${r.non2xx} |`);
