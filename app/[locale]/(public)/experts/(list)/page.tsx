import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { CatalogShell } from "@/components/catalog/catalog-shell";
import { DirectoryFilter } from "@/components/catalog/directory-filter";
import { ExpertCard } from "@/components/catalog/expert-card";
import { ParamNotice } from "@/components/catalog/param-notice";
import { SectorOptions } from "@/components/catalog/sector-options";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/input";
import { expertDirectory } from "@/lib/catalog/experts";
import { isCanonical, toQueryString } from "@/lib/catalog/query-input";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { Link, redirect } from "@/lib/i18n/navigation";
import { pageAlternates } from "@/lib/seo/urls";

export async function generateMetadata({ params }: PageProps<"/[locale]/experts">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "experts" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/experts") };
}

export default async function ExpertsPage({ params, searchParams }: PageProps<"/[locale]/experts">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const [{ query, issues, result }, taxonomy] = await Promise.all([expertDirectory(raw), catalogTaxonomy()]);
  const canonical = toQueryString(query, { page: result.page });
  if (issues.length === 0 && !isCanonical(raw, canonical)) {
    redirect({ href: { pathname: "/experts", query: Object.fromEntries(new URLSearchParams(canonical)) }, locale });
  }
  const t = await getTranslations("experts");
  const tf = await getTranslations("catalog.filters");

  return (
    <CatalogShell
      title={t("title")}
      lead={t("lead")}
      resultsLabel={t("results")}
      count={t("count", { count: result.total })}
      notice={<ParamNotice issues={issues} requestedPage={query.page} page={result.page} />}
      filters={
        <DirectoryFilter
          pathname="/experts"
          stateKey={toQueryString(query)}
          heading={t("filters")}
          apply={t("apply")}
          clear={t("clear")}
        >
          <Field id="filter-sector" label={t("sector")}>
            {(aria) => (
              <Select {...aria} name="sector" defaultValue={query.sector ?? ""}>
                <option value="">{t("allSectors")}</option>
                <SectorOptions taxonomy={taxonomy} locale={locale} wholeField={(name) => tf("wholeField", { name })} />
              </Select>
            )}
          </Field>
        </DirectoryFilter>
      }
      pagination={
        <CatalogPagination pathname="/experts" query={query} page={result.page} pageCount={result.pageCount} />
      }
    >
      {result.items.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={t("emptyTitle")}
          description={t("emptyHint")}
          action={
            <Link href="/experts" className={buttonClasses("secondary", "md")}>
              {t("clear")}
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
          {result.items.map((expert) => (
            <li key={expert.slug}>
              <ExpertCard expert={expert} taxonomy={taxonomy} />
            </li>
          ))}
        </ul>
      )}
    </CatalogShell>
  );
}
