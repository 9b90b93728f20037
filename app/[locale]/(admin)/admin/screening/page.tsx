import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { sectorNames as sectorNameMap } from "@/components/admin/labels/sector-names";
import { ScreeningEntryForm } from "@/components/admin/screening/entry-form";
import { InlineAction } from "@/components/admin/users/inline-action";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getPathname } from "@/lib/i18n/navigation";
import {
  canReadScreening,
  CATEGORIES,
  deletableEntries,
  listScreeningEntries,
  ScreeningFilterSchema,
} from "@/lib/listings/screening-admin";
import { pageHref } from "@/lib/page-number";
import {
  createEntryAction,
  deactivateEntryAction,
  deleteEntryAction,
  reactivateEntryAction,
  updateEntryAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTools.screening"))("title"), robots: { index: false } };
}

const TONE = { PROHIBITED: "danger", RESTRICTED: "warning", ENCOURAGED: "success" } as const;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The Decree 76/2018 lists: officers edit them, the operator and the auditor read them. */
export default async function ScreeningListsPage({ params, searchParams }: PageProps<"/[locale]/admin/screening">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("admin:access");
  if (!canReadScreening(user)) notFound();
  const manage = can(user, "screening:manage");
  const raw = await searchParams;
  const filter = ScreeningFilterSchema.parse({ category: first(raw.category), state: first(raw.state) });
  const entries = await listScreeningEntries(user, filter);
  const deletable = manage ? await deletableEntries(entries) : new Set<string>();
  const t = await getTranslations("adminTools.screening");
  // An entry names fields or sectors by code; one no longer in the taxonomy keeps its code.
  const sectorNames = await sectorNameMap(locale);
  const base = getPathname({ href: "/admin/screening", locale: await getLocale() });
  const href = (q: { category?: string | null; state?: string | null }) =>
    pageHref(base, { category: filter.category ?? null, state: filter.state ?? null, ...q }, 1);
  const chip = (label: string, target: string, current: boolean) => (
    <a
      key={target + label}
      href={target}
      aria-current={current ? "page" : undefined}
      className={buttonClasses(current ? "primary" : "secondary", "sm")}
    >
      {label}
    </a>
  );
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        {!manage && <p className="text-sm text-muted">{t("readOnly")}</p>}
      </header>

      {manage && (
        <Card as="section" aria-labelledby="new-entry">
          <CardHeader>
            <CardTitle id="new-entry">{t("new.title")}</CardTitle>
          </CardHeader>
          <CardContent>
            <ScreeningEntryForm action={createEntryAction} categories={CATEGORIES} />
          </CardContent>
        </Card>
      )}

      <nav aria-label={t("filters.label")} className="flex flex-wrap gap-2">
        {chip(t("filters.all"), href({ category: null }), !filter.category)}
        {CATEGORIES.map((c) => chip(t(`categories.${c}`), href({ category: c }), filter.category === c))}
        <span className="mx-2 border-s border-border" aria-hidden="true" />
        {chip(t("filters.anyState"), href({ state: null }), !filter.state)}
        {chip(t("active"), href({ state: "active" }), filter.state === "active")}
        {chip(t("inactive"), href({ state: "inactive" }), filter.state === "inactive")}
      </nav>

      <p role="status" className="text-sm font-medium">
        {t("count", { count: entries.length })}
      </p>
      {entries.length === 0 ? (
        <EmptyState title={t("empty")} description={manage ? t("emptyHint") : undefined} />
      ) : (
        <ul className="space-y-3">
          {entries.map((e) => (
            <li key={e.id}>
              <Card as="article" className={e.active ? undefined : "opacity-80"}>
                <CardContent className="space-y-2">
                  <div className="flex flex-wrap items-center gap-2">
                    <Badge tone={TONE[e.category]}>{t(`categories.${e.category}`)}</Badge>
                    <h2 className="font-semibold">{e.name}</h2>
                    {!e.active && <Badge>{t("inactive")}</Badge>}
                    {e.sample && <Badge tone="info">{t("sample")}</Badge>}
                  </div>
                  <dl className="grid gap-1 text-sm sm:grid-cols-[10rem_1fr]">
                    <dt className="font-medium">{t("fields.keywords")}</dt>
                    <dd>{e.keywords.join(", ")}</dd>
                    <dt className="font-medium">{t("fields.sectorCodes")}</dt>
                    <dd>
                      {e.sectorCodes.length
                        ? e.sectorCodes.map((code) => sectorNames.get(code) ?? code).join(", ")
                        : t("allSectors")}
                    </dd>
                    <dt className="font-medium">{t("fields.source")}</dt>
                    <dd>{e.source ?? "—"}</dd>
                  </dl>
                  {manage && (
                    <div className="space-y-3 border-t border-border pt-3">
                      <details>
                        <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
                          {t("edit.summary")}
                        </summary>
                        <div className="mt-3">
                          <ScreeningEntryForm
                            action={updateEntryAction}
                            categories={CATEGORIES}
                            entry={{ ...e, updatedAt: e.updatedAt.toISOString() }}
                          />
                        </div>
                      </details>
                      <div className="flex flex-wrap gap-3">
                        {e.active ? (
                          <InlineAction
                            action={deactivateEntryAction}
                            namespace="adminTools.screening"
                            hidden={{ id: e.id }}
                            label={t("deactivate")}
                            variant="danger"
                            confirm={t("confirmDeactivate", { name: e.name })}
                          />
                        ) : (
                          <InlineAction
                            action={reactivateEntryAction}
                            namespace="adminTools.screening"
                            hidden={{ id: e.id }}
                            label={t("reactivate")}
                            confirm={t("confirmReactivate", { name: e.name })}
                          />
                        )}
                        {deletable.has(e.id) && (
                          <InlineAction
                            action={deleteEntryAction}
                            namespace="adminTools.screening"
                            hidden={{ id: e.id }}
                            label={t("delete")}
                            variant="ghost"
                            confirm={t("confirmDelete", { name: e.name })}
                          />
                        )}
                      </div>
                    </div>
                  )}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
