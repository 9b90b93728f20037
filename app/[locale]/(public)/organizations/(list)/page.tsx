import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CatalogPagination } from "@/components/catalog/catalog-pagination";
import { CatalogShell } from "@/components/catalog/catalog-shell";
import { DirectoryFilter } from "@/components/catalog/directory-filter";
import { OrganizationCard } from "@/components/catalog/organization-card";
import { ParamNotice } from "@/components/catalog/param-notice";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Checkbox, Select } from "@/components/ui/input";
import { organizationDirectory } from "@/lib/catalog/organizations";
import { isCanonical, toQueryString } from "@/lib/catalog/query-input";
import { OrgType } from "@/lib/generated/prisma/enums";
import { Link, redirect } from "@/lib/i18n/navigation";
import { pageAlternates } from "@/lib/seo/urls";

export async function generateMetadata({ params }: PageProps<"/[locale]/organizations">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "organizations" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/organizations") };
}

export default async function OrganizationsPage({ params, searchParams }: PageProps<"/[locale]/organizations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const raw = await searchParams;
  const { query, issues, result } = await organizationDirectory(raw);
  const canonical = toQueryString(query, { page: result.page });
  if (issues.length === 0 && !isCanonical(raw, canonical)) {
    redirect({
      href: { pathname: "/organizations", query: Object.fromEntries(new URLSearchParams(canonical)) },
      locale,
    });
  }
  const t = await getTranslations("organizations");
  const to = await getTranslations("orgTypes");

  return (
    <CatalogShell
      title={t("title")}
      lead={t("lead")}
      resultsLabel={t("results")}
      count={t("count", { count: result.total })}
      notice={<ParamNotice issues={issues} requestedPage={query.page} page={result.page} />}
      filters={
        <DirectoryFilter
          pathname="/organizations"
          stateKey={toQueryString(query)}
          heading={t("filters")}
          apply={t("apply")}
          clear={t("clear")}
        >
          <Field id="filter-orgType" label={t("type")}>
            {(aria) => (
              <Select {...aria} name="orgType" defaultValue={query.orgType ?? ""}>
                <option value="">{t("allTypes")}</option>
                {Object.values(OrgType).map((v) => (
                  <option key={v} value={v}>
                    {to(v)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Checkbox name="verified" value="1" defaultChecked={query.verified} label={t("verifiedOnly")} />
        </DirectoryFilter>
      }
      pagination={
        <CatalogPagination pathname="/organizations" query={query} page={result.page} pageCount={result.pageCount} />
      }
    >
      {result.items.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={t("emptyTitle")}
          description={t("emptyHint")}
          action={
            <Link href="/organizations" className={buttonClasses("secondary", "md")}>
              {t("clear")}
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
          {result.items.map((organization) => (
            <li key={organization.id}>
              <OrganizationCard organization={organization} />
            </li>
          ))}
        </ul>
      )}
    </CatalogShell>
  );
}
