import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DemandCardData, OfferCardData } from "@/lib/catalog/cards";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";

/**
 * A listing in a short list (the home page's newest offers and demands): title, publisher, sector,
 * readiness and date as plain text. A full card (components/offers/offer-card.tsx) costs ~2.6 KB of
 * HTML and RSC payload, mostly badge and layout classes; the home page showed twelve of them and
 * weighed 74 KB against the 60 KB of issue #11. The catalog, one click away, keeps the full cards.
 */
export async function ListingTeaser(
  props: { kind: "offer"; listing: OfferCardData } | { kind: "demand"; listing: DemandCardData },
) {
  const locale = await getLocale();
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const { listing } = props;
  const organization =
    props.kind === "demand" && props.listing.confidential
      ? t("confidentialOrg")
      : pick(locale, listing.organization.name, listing.organization.nameEn);
  const trl =
    props.kind === "offer"
      ? t("trlShort", { level: props.listing.trl })
      : t("trlMinShort", { level: props.listing.trlMin });
  const href = `${props.kind === "offer" ? "/technologies" : "/demands"}/${listing.slug}`;
  return (
    <article className="h-full rounded-lg border border-border bg-white p-4">
      <h3 className="font-semibold leading-snug">
        <Link href={href} className="hover:underline">
          {pick(locale, listing.titleVi, listing.titleEn)}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-muted">
        {organization} · {pick(locale, listing.sector.nameVi, listing.sector.nameEn)} · {trl} ·{" "}
        {t("updated", { date: format.dateTime(listing.updatedAt, "short") })}
      </p>
    </article>
  );
}
