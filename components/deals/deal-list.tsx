import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/lib/cn";
import type { DealListItem } from "@/lib/deals/queries";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { DealStateBadge } from "./deal-state-badge";

/** Deals as cards: state, "waiting for you", the listing, both parties, when it last moved. */
export async function DealList({
  items,
  hrefBase,
  label,
}: {
  items: readonly DealListItem[];
  /** Where a deal opens: the workspace for the parties, /admin/deals for staff. */
  hrefBase: "/account/deals" | "/admin/deals";
  label: string;
}) {
  const locale = await getLocale();
  const t = await getTranslations("deals.list");
  const format = await getFormatter();
  return (
    <ul className="space-y-3" aria-label={label}>
      {items.map((deal) => {
        const listing = deal.origin === "PROPOSAL" && deal.demand ? deal.demand : deal.offer;
        return (
          <li
            key={deal.reference}
            className={cn(
              "rounded-lg border bg-white p-4 shadow-sm",
              deal.waitingForYou ? "border-warning-600" : "border-border",
            )}
          >
            <div className="flex flex-wrap items-center gap-2">
              <DealStateBadge state={deal.state} />
              {deal.waitingForYou && <Badge tone="warning">{t("waitingForYou")}</Badge>}
              <span className="font-mono text-xs text-muted">{deal.reference}</span>
            </div>
            <h2 className="mt-2 text-base font-semibold">
              <Link href={`${hrefBase}/${deal.reference}`} className="text-brand-700 hover:underline">
                {listing ? pick(locale, listing.titleVi, listing.titleEn) : deal.reference}
              </Link>
            </h2>
            <p className="mt-1 text-sm text-muted">
              {t("parties", {
                provider: pick(locale, deal.provider.name, deal.provider.nameEn),
                seeker: pick(locale, deal.seeker.name, deal.seeker.nameEn),
              })}
            </p>
            <p className="mt-1 text-sm text-muted">
              {t("changed", { date: format.dateTime(deal.stateChangedAt, "datetime") })}
              {deal.state === "EOI_SENT" && deal.respondBy
                ? ` · ${t("respondBy", { date: format.dateTime(deal.respondBy, "datetime") })}`
                : ""}
              {` · ${t("messages", { count: deal.messages })}`}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
