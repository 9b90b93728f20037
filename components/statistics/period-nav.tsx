import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { periodContaining, shiftPeriod, type Period } from "@/lib/calendar/periods";
import { FIRST_PUBLIC_YEAR } from "@/lib/open-data/period";

const KINDS = ["month", "quarter", "year"] as const;

/** The URL of a period's statistics: the current month is /statistics itself. */
export function statisticsHref(period: Period, now: Date): string {
  return period.key === periodContaining("month", now).key ? "/statistics" : `/statistics/${period.key}`;
}

/** The title of a public period ("Tháng 11/2026", "Q4 2026", "Year 2026"). */
export async function periodTitle(period: Period): Promise<string> {
  const t = await getTranslations("statistics.period");
  const [year, part] = period.key.split("-");
  if (period.kind === "month") return t("monthTitle", { month: Number(part), year: year! });
  if (period.kind === "quarter") return t("quarterTitle", { quarter: Number(part!.slice(1)), year: year! });
  return t("yearTitle", { year: year! });
}

const linkClass =
  "rounded-md border border-border px-3 py-1.5 text-sm hover:bg-surface-muted focus-visible:outline-2 focus-visible:outline-brand-600";

/**
 * Choosing the period by URL: the kind (month, quarter, year holding the shown period's end), the
 * previous and next period (none before the first public year or after today) and this month.
 * Plain links: each period is its own cached page.
 */
export async function PeriodNav({ period, now }: { period: Period; now: Date }) {
  const t = await getTranslations("statistics.period");
  const anchor = new Date(Math.min(period.to.getTime() - 1, now.getTime()));
  const previous = shiftPeriod(period, -1);
  const next = shiftPeriod(period, 1);
  const hasPrevious = Number(previous.key.slice(0, 4)) >= FIRST_PUBLIC_YEAR;
  const hasNext = next.from.getTime() <= now.getTime();
  return (
    <nav aria-label={t("label")} className="flex flex-wrap items-center gap-2">
      <ul aria-label={t("kinds")} className="flex flex-wrap gap-2">
        {KINDS.map((kind) => {
          const target = periodContaining(kind, anchor);
          const active = kind === period.kind;
          return (
            <li key={kind}>
              <Link
                href={statisticsHref(target, now)}
                aria-current={active ? "page" : undefined}
                className={`${linkClass} ${active ? "bg-brand-600 text-white hover:bg-brand-700" : "bg-surface"}`}
              >
                {t(kind)}
              </Link>
            </li>
          );
        })}
      </ul>
      <ul className="flex flex-wrap gap-2">
        {hasPrevious && (
          <li>
            <Link href={statisticsHref(previous, now)} className={`${linkClass} bg-surface`} rel="prev">
              ← {t("previous")}
            </Link>
          </li>
        )}
        {hasNext && (
          <li>
            <Link href={statisticsHref(next, now)} className={`${linkClass} bg-surface`} rel="next">
              {t("next")} →
            </Link>
          </li>
        )}
        <li>
          <Link href="/statistics" className={`${linkClass} bg-surface`}>
            {t("current")}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
