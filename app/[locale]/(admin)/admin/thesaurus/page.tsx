import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OutcomeRegion } from "@/components/admin/thesaurus/outcome";
import { RowAction } from "@/components/admin/thesaurus/row-action";
import { CreateSynonymForm, EditSynonymForm } from "@/components/admin/thesaurus/synonym-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { getPathname } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import { pageHref, pageNumber } from "@/lib/page-number";
import { openMiss } from "@/lib/search/misses";
import { listSynonyms, type SynonymRow } from "@/lib/search/thesaurus-admin";
import { PrefillSchema, SYNONYM_KINDS, SynonymFilterSchema } from "@/lib/search/thesaurus-schemas";
import { createSynonymAction, deleteSynonymAction, setSynonymActiveAction, updateSynonymAction } from "./actions";

const NS = "searchInsights.thesaurus";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations(NS))("title"), robots: { index: false } };
}

/** How an entry reads: a synonym group as equals, an expansion as "typed → also found". */
const termsText = (e: Pick<SynonymRow, "kind" | "terms">) =>
  e.kind === "EXPANSION" ? `${e.terms[0]} → ${e.terms.slice(1).join(", ")}` : e.terms.join(" = ");

/**
 * The search thesaurus (issue #14 item 2): officers add, edit, turn off and delete entries; the
 * operator, the auditor and the administrator read them. `?add=<text>&miss=<query>` prefills the
 * form from a search that found nothing (/admin/search-insights).
 */
export default async function ThesaurusPage({ params, searchParams }: PageProps<"/[locale]/admin/thesaurus">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("admin:access");
  const manage = can(user, "thesaurus:manage");
  const raw = await searchParams;
  const filter = SynonymFilterSchema.parse(raw);
  const list = await listSynonyms(user, filter, pageNumber(raw.page));
  const t = await getTranslations(NS);
  const tp = await getTranslations("pagination");
  const format = await getFormatter();

  const taxonomy = await catalogTaxonomy();
  const fields = taxonomy.map((f) => ({ code: f.code, name: pick(locale, f.nameVi, f.nameEn) }));
  const fieldName = (code: string | null) =>
    code === null ? t("fields.anyField") : (fields.find((f) => f.code === code)?.name ?? code);

  // The form is prefilled from a search only while that search is still open.
  const asked = manage ? PrefillSchema.parse(raw) : {};
  const miss = asked.miss ? await openMiss(user, asked.miss) : null;
  const prefillText = asked.add ?? miss?.sample;
  const prefill = prefillText ? { terms: prefillText, miss: miss?.query ?? null } : null;

  const base = getPathname({ href: "/admin/thesaurus", locale });
  const query = {
    q: filter.q ?? null,
    kind: filter.kind ?? null,
    field: filter.field ?? null,
    state: filter.state ?? null,
  };
  const filtered = Object.values(query).some((v) => v !== null);

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p className="text-sm">{t("curated", { count: list.curated })}</p>
        {!manage && <p className="text-sm text-muted">{t("readOnly")}</p>}
      </header>

      {manage && (
        <Card as="section" aria-labelledby="new-synonym">
          <CardHeader>
            <CardTitle id="new-synonym">{t("new.title")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <dl className="grid gap-2 text-sm sm:grid-cols-[9rem_1fr]">
              <dt className="font-medium">{t("kinds.SYNONYM")}</dt>
              <dd className="text-muted">{t("kindsExplained.SYNONYM")}</dd>
              <dt className="font-medium">{t("kinds.EXPANSION")}</dt>
              <dd className="text-muted">{t("kindsExplained.EXPANSION")}</dd>
            </dl>
            {miss && (
              <p className="rounded-md border border-info-200 bg-info-50 p-3 text-sm">
                {t("new.fromMiss", { q: miss.sample, count: miss.count })}
              </p>
            )}
            <CreateSynonymForm action={createSynonymAction} fields={fields} prefill={prefill} />
          </CardContent>
        </Card>
      )}

      <form method="get" action={base} className="flex flex-wrap items-end gap-3" aria-label={t("filters.label")}>
        <div className="space-y-1">
          <label htmlFor="filter-q" className="block text-sm font-medium">
            {t("filters.q")}
          </label>
          <Input id="filter-q" name="q" defaultValue={filter.q ?? ""} maxLength={100} className="w-56" />
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-kind" className="block text-sm font-medium">
            {t("fields.kind")}
          </label>
          <Select id="filter-kind" name="kind" defaultValue={filter.kind ?? ""}>
            <option value="">{t("filters.anyKind")}</option>
            {SYNONYM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-field" className="block text-sm font-medium">
            {t("fields.field")}
          </label>
          <Select id="filter-field" name="field" defaultValue={filter.field ?? ""}>
            <option value="">{t("filters.anyField")}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {f.code}. {f.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <label htmlFor="filter-state" className="block text-sm font-medium">
            {t("state")}
          </label>
          <Select id="filter-state" name="state" defaultValue={filter.state ?? ""}>
            <option value="">{t("filters.anyState")}</option>
            <option value="active">{t("active")}</option>
            <option value="inactive">{t("inactive")}</option>
          </Select>
        </div>
        <button type="submit" className={buttonClasses("secondary", "md")}>
          {t("filters.submit")}
        </button>
        {filtered && (
          <a href={base} className="text-sm font-medium text-brand-700 underline">
            {t("filters.clear")}
          </a>
        )}
      </form>

      <OutcomeRegion>
        <p className="text-sm font-medium">{t("count", { count: list.total })}</p>
        {list.items.length === 0 ? (
          <EmptyState
            title={filtered ? t("emptyFiltered") : t("empty")}
            description={manage ? t("emptyHint") : undefined}
          />
        ) : (
          <Table scrollLabel={t("title")}>
            <THead>
              <TR>
                <TH>{t("fields.terms")}</TH>
                <TH>{t("fields.kind")}</TH>
                <TH>{t("fields.weight")}</TH>
                <TH>{t("fields.field")}</TH>
                <TH>{t("state")}</TH>
                <TH>{t("source")}</TH>
                {manage && <TH>{t("actions")}</TH>}
              </TR>
            </THead>
            <TBody>
              {list.items.map((e) => {
                const name = termsText(e);
                return (
                  <TR key={e.id} className={e.active ? undefined : "bg-surface-muted"}>
                    <TD className="min-w-56">
                      <p className="font-medium" lang="vi">
                        {name}
                      </p>
                      {e.note && <p className="mt-1 text-xs text-muted">{e.note}</p>}
                    </TD>
                    <TD>
                      <Badge tone={e.kind === "SYNONYM" ? "brand" : "info"}>{t(`kinds.${e.kind}`)}</Badge>
                    </TD>
                    <TD>{format.number(e.weight, { maximumFractionDigits: 2 })}</TD>
                    <TD>{fieldName(e.fieldCode)}</TD>
                    <TD>
                      <Badge tone={e.active ? "success" : "neutral"}>{e.active ? t("active") : t("inactive")}</Badge>
                    </TD>
                    <TD className="text-xs text-muted">
                      <p>{e.createdById === null ? t("curatedEntry") : t("addedEntry")}</p>
                      <p>{t("updated", { date: format.dateTime(e.updatedAt, "short") })}</p>
                    </TD>
                    {manage && (
                      <TD className="min-w-72">
                        <div className="flex flex-wrap items-start gap-2">
                          <RowAction
                            action={setSynonymActiveAction}
                            hidden={{ id: e.id, active: String(!e.active) }}
                            label={e.active ? t("deactivate") : t("activate")}
                            ariaLabel={e.active ? t("deactivateNamed", { name }) : t("activateNamed", { name })}
                            variant={e.active ? "secondary" : "primary"}
                            done={{
                              activated: t("done.activated", { name }),
                              deactivated: t("done.deactivated", { name }),
                            }}
                          />
                          <RowAction
                            action={deleteSynonymAction}
                            hidden={{ id: e.id }}
                            label={t("delete")}
                            ariaLabel={t("deleteNamed", { name })}
                            variant="danger"
                            confirm={t("confirmDelete", { name })}
                            done={{ deleted: t("done.deletedNamed", { name }) }}
                          />
                          <details className="basis-full">
                            <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
                              {t("edit.summary", { name })}
                            </summary>
                            <div className="mt-3">
                              <EditSynonymForm
                                action={updateSynonymAction}
                                fields={fields}
                                entry={{ ...e, updatedAt: e.updatedAt.toISOString() }}
                                done={t("done.savedNamed", { name })}
                              />
                            </div>
                          </details>
                        </div>
                      </TD>
                    )}
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
      </OutcomeRegion>

      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(p) => pageHref(base, query, p)}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
