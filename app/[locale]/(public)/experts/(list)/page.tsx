import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DirectoryPage, directoryMetadata } from "@/components/catalog/directory-page";
import { ExpertCard } from "@/components/catalog/expert-card";
import { SectorOptions } from "@/components/catalog/sector-options";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { expertDirectory } from "@/lib/catalog/experts";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";

// Filters and pages come from the query string: rendered per request (a cached page cannot see it).
// The layout lists no static params, so Next would otherwise take this page for an ISR one.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/experts">): Promise<Metadata> {
  return directoryMetadata("experts", (await params).locale);
}

export default async function ExpertsPage({ params, searchParams }: PageProps<"/[locale]/experts">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const [directory, taxonomy] = await Promise.all([expertDirectory(raw), catalogTaxonomy()]);
  const { query, result } = directory;
  const t = await getTranslations("experts");
  const tf = await getTranslations("catalog.filters");

  return (
    <DirectoryPage
      kind="experts"
      locale={locale}
      raw={raw}
      {...directory}
      filters={
        <Field id="filter-sector" label={t("sector")}>
          {(aria) => (
            <Select {...aria} name="sector" defaultValue={query.sector ?? ""}>
              <option value="">{t("allSectors")}</option>
              <SectorOptions taxonomy={taxonomy} locale={locale} wholeField={(name) => tf("wholeField", { name })} />
            </Select>
          )}
        </Field>
      }
      cards={result.items.map((expert) => (
        <li key={expert.slug}>
          <ExpertCard expert={expert} taxonomy={taxonomy} />
        </li>
      ))}
    />
  );
}
