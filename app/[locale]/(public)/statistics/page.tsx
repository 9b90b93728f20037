import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { pick } from "@/lib/i18n/pick";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { pageAlternates } from "@/lib/seo/urls";
import { figuresByField, homeFigures } from "@/lib/stats/queries";

// Cached (ISR): the figures are at most `revalidate` seconds old (= PUBLIC_PAGE_SECONDS), and a
// publication, withdrawal or verification expires them at once. Never rendered at build time (no
// database then): the locale layout lists no static params.
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/statistics") };
}

export default async function StatisticsPage({ params }: PageProps<"/[locale]/statistics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await tagPage([tags.stats]);
  const t = await getTranslations("statistics");
  const format = await getFormatter();
  const [figures, fields] = await Promise.all([homeFigures(), figuresByField()]);
  const max = Math.max(1, ...fields.map((f) => Math.max(f.offers, f.demands)));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label={t("offers")} value={format.number(figures.publishedOffers)} />
        <Stat label={t("demands")} value={format.number(figures.publishedDemands)} />
        <Stat label={t("organizations")} value={format.number(figures.verifiedOrganizations)} />
        <Stat label={t("contracts")} value={format.number(figures.signedContracts)} />
      </div>
      <section aria-labelledby="by-field">
        <h2 id="by-field" className="mb-3 text-lg font-semibold">
          {t("byField")}
        </h2>
        <Table scrollLabel={t("byField")}>
          <THead>
            <TR>
              <TH>{t("field")}</TH>
              <TH>{t("offers")}</TH>
              <TH>{t("demands")}</TH>
              <TH>
                <span className="sr-only">{t("chart")}</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {fields.map((f) => (
              <TR key={f.code}>
                <TD>{pick(locale, f.nameVi, f.nameEn)}</TD>
                <TD className="tabular-nums">{format.number(f.offers)}</TD>
                <TD className="tabular-nums">{format.number(f.demands)}</TD>
                <TD className="w-1/3" aria-hidden>
                  <div className="h-2 rounded bg-brand-600" style={{ width: `${(f.offers / max) * 100}%` }} />
                  <div className="mt-1 h-2 rounded bg-accent" style={{ width: `${(f.demands / max) * 100}%` }} />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </section>
      <p className="text-xs text-muted">{t("note")}</p>
    </div>
  );
}
