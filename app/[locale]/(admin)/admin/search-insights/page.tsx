import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OutcomeRegion } from "@/components/admin/thesaurus/outcome";
import { RowAction } from "@/components/admin/thesaurus/row-action";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { pageHref, pageNumber } from "@/lib/page-number";
import { canReadMisses, listMisses } from "@/lib/search/misses";
import { MISS_PERIODS, MISS_STATES, MissFilterSchema } from "@/lib/search/thesaurus-schemas";
import { dismissMissAction } from "./actions";

const NS = "searchInsights.insights";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations(NS))("title"), robots: { index: false } };
}

/**
 * What people search for and do not find (issue #14 item 4): the searches that returned nothing,
 * most frequent first. Officers add a synonym from one in a click; the operator and officers mark
 * one handled; the auditor reads.
 */
export default async function SearchInsightsPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/search-insights">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("admin:access");
  if (!canReadMisses(user)) notFound();
  const dismiss = can(user, "search:insights");
  const addSynonym = can(user, "thesaurus:manage");
  const raw = await searchParams;
  const filter = MissFilterSchema.parse(raw);
  const list = await listMisses(user, filter, pageNumber(raw.page));
  const t = await getTranslations(NS);
  const tp = await getTranslations("pagination");
  const format = await getFormatter();

  const base = getPathname({ href: "/admin/search-insights", locale });
  const query = {
    state: filter.state === "open" ? null : filter.state,
    period: filter.period === "all" ? null : filter.period,
  };
  const href = (change: Partial<Record<keyof typeof query, string | null>>) =>
    pageHref(base, { ...query, ...change }, 1);
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
  const actions = (dismiss || addSynonym) && filter.state !== "handled";

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p className="text-sm">{t("openCount", { count: list.open })}</p>
        {!dismiss && <p className="text-sm text-muted">{t("readOnly")}</p>}
      </header>

      <nav aria-label={t("filters.label")} className="flex flex-wrap items-center gap-2">
        {MISS_STATES.map((s) =>
          chip(t(`filters.states.${s}`), href({ state: s === "open" ? null : s }), filter.state === s),
        )}
        <span className="mx-2 border-s border-border" aria-hidden="true" />
        {MISS_PERIODS.map((p) =>
          chip(t(`filters.periods.${p}`), href({ period: p === "all" ? null : p }), filter.period === p),
        )}
      </nav>

      <OutcomeRegion>
        <p className="text-sm font-medium">{t("count", { count: list.total })}</p>
        {list.items.length === 0 ? (
          <EmptyState title={filter.state === "open" ? t("empty") : t("emptyFiltered")} description={t("emptyHint")} />
        ) : (
          <Table scrollLabel={t("title")}>
            <THead>
              <TR>
                <TH>{t("query")}</TH>
                <TH>{t("searches")}</TH>
                <TH>{t("firstSeen")}</TH>
                <TH>{t("lastSeen")}</TH>
                {filter.state !== "open" && <TH>{t("state")}</TH>}
                {actions && <TH>{t("actions")}</TH>}
              </TR>
            </THead>
            <TBody>
              {list.items.map((m) => (
                <TR key={m.query}>
                  <TD className="min-w-56">
                    <p className="font-medium" lang="vi">
                      {m.sample}
                    </p>
                  </TD>
                  <TD>{format.number(m.count)}</TD>
                  <TD>{format.dateTime(m.firstSeen, "datetime")}</TD>
                  <TD>{format.dateTime(m.lastSeen, "datetime")}</TD>
                  {filter.state !== "open" && (
                    <TD>
                      {m.handledAt ? (
                        <Badge tone="success">{t("handledOn", { date: format.dateTime(m.handledAt, "short") })}</Badge>
                      ) : (
                        <Badge tone="warning">{t("open")}</Badge>
                      )}
                    </TD>
                  )}
                  {actions && (
                    <TD>
                      {!m.handledAt && (
                        <div className="flex flex-wrap items-start gap-2">
                          {addSynonym && (
                            <Link
                              href={{ pathname: "/admin/thesaurus", query: { add: m.sample, miss: m.query } }}
                              className={buttonClasses("primary", "sm")}
                              aria-label={t("addSynonymNamed", { q: m.sample })}
                            >
                              {t("addSynonym")}
                            </Link>
                          )}
                          {dismiss && (
                            <RowAction
                              action={dismissMissAction}
                              hidden={{ query: m.query }}
                              label={t("dismiss")}
                              ariaLabel={t("dismissNamed", { q: m.sample })}
                              confirm={t("confirmDismiss", { q: m.sample })}
                              done={{ dismissed: t("done.dismissed", { q: m.sample }) }}
                            />
                          )}
                        </div>
                      )}
                    </TD>
                  )}
                </TR>
              ))}
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
