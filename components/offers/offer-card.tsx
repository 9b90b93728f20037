import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import type { OfferCardData } from "@/lib/catalog/cards";
import { PriceText } from "./price-text";

export async function OfferCard({ offer }: { offer: OfferCardData }) {
  const locale = await getLocale();
  const t = await getTranslations("listing");
  const format = await getFormatter();
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap gap-1.5">
        <Badge tone="brand">{pick(locale, offer.sector.nameVi, offer.sector.nameEn)}</Badge>
        <Badge tone="info">{t("trlShort", { level: offer.trl })}</Badge>
        {offer.organization.verificationStatus === "VERIFIED" && <Badge tone="success">{t("verified")}</Badge>}
        {offer.screening === "ENCOURAGED" && <Badge tone="warning">{t("encouraged")}</Badge>}
      </div>
      <h3 className="text-base font-semibold leading-snug">
        <Link href={`/technologies/${offer.slug}`} className="hover:underline">
          {pick(locale, offer.titleVi, offer.titleEn)}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-3 text-sm text-muted">{pick(locale, offer.summaryVi, offer.summaryEn)}</p>
      <div className="mt-auto pt-3 text-xs text-muted">
        <p className="font-medium text-foreground">
          {pick(locale, offer.organization.name, offer.organization.nameEn)}
        </p>
        <p>
          <PriceText type={offer.priceType} min={offer.priceMin} max={offer.priceMax} /> ·{" "}
          {t("updated", { date: format.dateTime(offer.updatedAt, "short") })}
        </p>
      </div>
    </article>
  );
}
