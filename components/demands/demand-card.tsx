import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { ListingCard, type ListingCardView } from "@/components/catalog/listing-card";
import type { DemandCardData } from "@/lib/catalog/cards";
import { getPathname } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";

/** A demand's card as localized text; a confidential demand names no organization. */
export async function demandCardView(demand: DemandCardData): Promise<ListingCardView> {
  const locale = await getLocale();
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  const budget =
    demand.budgetMin != null && demand.budgetMax != null
      ? t("budgetRange", { min: vnd(demand.budgetMin), max: vnd(demand.budgetMax) })
      : t("budgetOpen");
  return {
    href: getPathname({ href: `/demands/${demand.slug}`, locale }),
    title: pick(locale, demand.titleVi, demand.titleEn),
    summary: demand.summaryVi ? pick(locale, demand.summaryVi, demand.summaryEn) : null,
    badges: [
      ["brand", pick(locale, demand.sector.nameVi, demand.sector.nameEn)],
      ["info", t("trlMinShort", { level: demand.trlMin })],
    ],
    org: demand.confidential
      ? t("confidentialOrg")
      : pick(locale, demand.organization.name, demand.organization.nameEn),
    terms: `${budget} · ${t("updated", { date: format.dateTime(demand.updatedAt, "short") })}`,
  };
}

export async function DemandCard({ demand }: { demand: DemandCardData }) {
  return <ListingCard card={await demandCardView(demand)} />;
}
