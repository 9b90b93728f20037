import { getTranslations } from "next-intl/server";
import { cn } from "@/lib/cn";
import { Link } from "@/lib/i18n/navigation";
import type { SearchKind } from "@/lib/search/types";

export const SEARCH_TABS = ["offers", "demands", "organizations", "experts"] as const satisfies readonly SearchKind[];

/** The result types as links (each keeps the query), the current one marked with aria-current. */
export async function SearchTabs({
  q,
  tab,
  counts,
  capped,
}: {
  q: string;
  tab: SearchKind;
  counts: Record<SearchKind, number>;
  /** Tabs whose count is a lower bound (an approximate search counts up to a cap). */
  capped?: Partial<Record<SearchKind, boolean>>;
}) {
  const t = await getTranslations("search.page");
  return (
    <nav aria-label={t("tabsLabel")} className="border-b border-border">
      <ul className="-mb-px flex flex-wrap gap-1">
        {SEARCH_TABS.map((kind) => {
          const current = kind === tab;
          return (
            <li key={kind}>
              <Link
                href={{ pathname: "/search", query: { q, tab: kind } }}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium",
                  current
                    ? "border-brand-700 text-brand-800"
                    : "border-transparent text-brand-900 hover:border-brand-300",
                )}
              >
                {t(capped?.[kind] ? "tabMore" : "tab", { label: t(`tabs.${kind}`), count: counts[kind] })}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
