import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ListingTeaser } from "@/components/catalog/listing-teaser";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Stat } from "@/components/ui/stat";
import { latestDemands, latestOffers } from "@/lib/catalog/cards";
import { Link } from "@/lib/i18n/navigation";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { pageAlternates } from "@/lib/seo/urls";
import { homeFigures } from "@/lib/stats/queries";

// Cached (ISR) and tagged: publishing or withdrawing a listing expires it at once; the figures
// (contracts, job-driven changes) are at most `revalidate` seconds old (= PUBLIC_PAGE_SECONDS).
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]">): Promise<Metadata> {
  return { alternates: pageAlternates((await params).locale, "/") };
}

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await tagPage([tags.catalog("offer"), tags.catalog("demand"), tags.stats]);
  const t = await getTranslations("home");
  const format = await getFormatter();
  const [figures, offers, demands] = await Promise.all([homeFigures(), latestOffers(6), latestDemands(6)]);
  const n = (v: number) => format.number(v, "integer");

  return (
    <div className="space-y-12">
      <section className="rounded-xl bg-brand-800 px-6 py-10 text-white md:px-10">
        <h1 className="max-w-3xl text-3xl font-bold leading-tight md:text-4xl">{t("title")}</h1>
        <p className="mt-3 max-w-2xl text-brand-100">{t("lead")}</p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/technologies" className={buttonClasses("secondary", "md")}>
            {t("browseOffers")}
          </Link>
          <Link href="/demands" className={buttonClasses("secondary", "md")}>
            {t("browseDemands")}
          </Link>
          <Link
            href="/register"
            className="inline-flex min-h-10 items-center rounded-md px-4 text-sm font-medium underline underline-offset-4"
          >
            {t("join")}
          </Link>
        </div>
      </section>

      <section aria-labelledby="figures-heading">
        <h2 id="figures-heading" className="mb-4 text-xl font-semibold">
          {t("figuresTitle")}
        </h2>
        <div className="grid grid-cols-2 gap-4 md:grid-cols-4" data-testid="home-figures">
          <Stat label={t("figureOffers")} value={n(figures.publishedOffers)} />
          <Stat label={t("figureDemands")} value={n(figures.publishedDemands)} />
          <Stat label={t("figureOrganizations")} value={n(figures.verifiedOrganizations)} />
          <Stat label={t("figureContracts")} value={n(figures.signedContracts)} />
        </div>
      </section>

      <section aria-labelledby="offers-heading">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="offers-heading" className="text-xl font-semibold">
            {t("latestOffers")}
          </h2>
          <Link href="/technologies" className="text-sm font-medium text-brand-700 hover:underline">
            {t("seeAll")}
          </Link>
        </div>
        {offers.length === 0 ? (
          <EmptyState title={t("noOffers")} description={t("noOffersHint")} />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {offers.map((offer) => (
              <li key={offer.id}>
                <ListingTeaser kind="offer" listing={offer} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="demands-heading">
        <div className="mb-4 flex items-baseline justify-between">
          <h2 id="demands-heading" className="text-xl font-semibold">
            {t("latestDemands")}
          </h2>
          <Link href="/demands" className="text-sm font-medium text-brand-700 hover:underline">
            {t("seeAll")}
          </Link>
        </div>
        {demands.length === 0 ? (
          <EmptyState title={t("noDemands")} description={t("noDemandsHint")} />
        ) : (
          <ul className="grid gap-4 md:grid-cols-2 lg:grid-cols-3">
            {demands.map((demand) => (
              <li key={demand.id}>
                <ListingTeaser kind="demand" listing={demand} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
