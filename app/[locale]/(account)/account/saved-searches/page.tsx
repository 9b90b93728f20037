import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SectorOptions } from "@/components/catalog/sector-options";
import { DeleteSavedSearch } from "@/components/saved-searches/delete-saved-search";
import { SavedSearchForm } from "@/components/saved-searches/saved-search-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { Link } from "@/lib/i18n/navigation";
import { savedSearchesOf } from "@/lib/saved-searches/queries";
import { MAX_SAVED_SEARCHES } from "@/lib/saved-searches/schemas";
import { createSavedSearchAction, deleteSavedSearchAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("savedSearches.title"), robots: { index: false } };
}

/** The user's saved searches: a new one from a short form, each with its results and a delete button. */
export default async function SavedSearchesPage({ params }: PageProps<"/[locale]/account/saved-searches">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const t = await getTranslations("account.savedSearches");
  const [searches, taxonomy] = await Promise.all([savedSearchesOf(user), catalogTaxonomy()]);
  // Providers watch demands, seekers (and intermediaries) watch technologies.
  const defaultKind = user.roles.includes("PROVIDER") && !user.roles.includes("SEEKER") ? "demands" : "offers";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="mt-1 max-w-prose text-muted">{t("lead")}</p>
        <p className="mt-1 text-sm font-medium">{t("count", { count: searches.length, max: MAX_SAVED_SEARCHES })}</p>
      </div>
      <Card as="section" aria-labelledby="saved-search-new">
        <CardHeader>
          <CardTitle id="saved-search-new">{t("new.title")}</CardTitle>
        </CardHeader>
        <CardContent>
          <SavedSearchForm
            action={createSavedSearchAction}
            defaultKind={defaultKind}
            full={searches.length >= MAX_SAVED_SEARCHES ? t("new.limit", { max: MAX_SAVED_SEARCHES }) : null}
            sectorOptions={
              <SectorOptions taxonomy={taxonomy} locale={locale} wholeField={(name) => t("new.wholeField", { name })} />
            }
          />
        </CardContent>
      </Card>
      <section aria-labelledby="saved-search-list" className="space-y-3">
        <h2 id="saved-search-list" className="text-lg font-semibold">
          {t("listLabel")}
        </h2>
        {searches.length === 0 ? (
          <EmptyState titleAs="h3" title={t("empty.title")} description={t("empty.description")} />
        ) : (
          <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface shadow-sm">
            {searches.map((search) => (
              <li key={search.id} className="flex flex-wrap items-start justify-between gap-3 px-4 py-3">
                <div className="min-w-0 space-y-1">
                  <p className="flex flex-wrap items-center gap-2">
                    <span className="font-medium break-words">{search.label}</span>
                    <Badge tone="brand">{t(`kind.${search.kind}`)}</Badge>
                  </p>
                  {search.q && search.q !== search.label && (
                    <p className="text-sm break-words">{t("keywords", { q: search.q })}</p>
                  )}
                  <p className="text-sm text-muted">
                    {t("created", { date: search.createdAt })} ·{" "}
                    {search.lastSentAt ? t("lastSent", { date: search.lastSentAt }) : t("neverSent")}
                  </p>
                  {!search.href && <p className="text-sm text-warning-800">{t("invalid")}</p>}
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  {search.href && (
                    <Link
                      href={search.href}
                      className={buttonClasses("secondary", "sm")}
                      aria-label={t("openLabel", { label: search.label })}
                    >
                      {t("open")}
                    </Link>
                  )}
                  <DeleteSavedSearch
                    id={search.id}
                    action={deleteSavedSearchAction}
                    texts={{
                      delete: t("delete"),
                      label: t("deleteLabel", { label: search.label }),
                      confirm: t("confirmDelete", { label: search.label }),
                    }}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
