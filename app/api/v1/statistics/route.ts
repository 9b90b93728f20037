import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { parsePublicPeriod } from "@/lib/open-data/period";
import { publicStatistics } from "@/lib/open-data/statistics";

export const dynamic = "force-dynamic";

/**
 * The public KPIs of a month, quarter or year (`?period=2026-11`, `2026-Q4`, `2026`; default: the
 * current month): the same figures as the Department's dashboard, cached ≤ 60 s under `stats`.
 */
export async function GET(request: Request) {
  const raw = new URL(request.url).searchParams.get("period");
  const parsed = parsePublicPeriod(raw);
  if (!parsed.ok) return invalidParameters([{ path: "period", code: "invalid", message: parsed.message }]);
  return apiJson(await publicStatistics(parsed.period));
}
