import { getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { kpiOverview } from "@/lib/kpi/overview";
import { periodDays } from "@/lib/calendar/periods";
import { consoleQuery } from "@/lib/kpi/query";
import { reviewCsv, reviewXlsx } from "@/lib/kpi/export";
import { reviewRows } from "@/lib/kpi/review";
import { reviewLabels } from "@/lib/kpi/review-labels";
import { getTranslations } from "next-intl/server";

export const dynamic = "force-dynamic";

/**
 * The performance review as XLSX or CSV (issue #13 item 3): `?period=2026-11&format=xlsx|csv`
 * (`&lang=en` for English headers). Staff with `oversight:read` only; anyone else gets 404.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!can(user, "oversight:read")) return new Response("Not found", { status: 404, headers: NO_STORE });
  const url = new URL(request.url);
  const params = Object.fromEntries(url.searchParams);
  const format = params.format === "xlsx" ? "xlsx" : params.format === "csv" ? "csv" : null;
  if (!format) return new Response("format must be xlsx or csv", { status: 400, headers: NO_STORE });
  const query = consoleQuery(params);
  if (query.invalid) return new Response("invalid period", { status: 400, headers: NO_STORE });
  const locale = params.lang === "en" ? "en" : "vi";
  const t = await getTranslations({ locale, namespace: "oversight" });
  const overview = await kpiOverview(user, query.period);
  const rows = reviewRows(overview);
  const days = periodDays(query.period);
  const periodText = query.period.kind === "custom" ? `${days.first} – ${days.last}` : query.period.key;
  const generated = new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "vi-VN", {
    dateStyle: "short",
    timeStyle: "short",
    timeZone: "Asia/Ho_Chi_Minh",
  }).format(new Date());
  const labels = reviewLabels(t, periodText, generated);
  const name = `danh-gia-van-hanh-${query.period.key.replace(/\.\./, "_")}`;
  if (format === "csv") {
    return new Response(reviewCsv(rows, labels), {
      headers: {
        ...NO_STORE,
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${name}.csv"`,
      },
    });
  }
  return new Response(new Uint8Array(await reviewXlsx(rows, labels)), {
    headers: {
      ...NO_STORE,
      "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${name}.xlsx"`,
    },
  });
}

const NO_STORE = { "cache-control": "private, no-store" };
