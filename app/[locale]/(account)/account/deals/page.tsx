import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { DealList } from "@/components/deals/deal-list";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { DEAL_FILTERS, listDeals, type DealFilter } from "@/lib/deals/queries";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { pageHref, pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deals.list"))("title"), robots: { index: false } };
}

const isFilter = (value: unknown): value is DealFilter => DEAL_FILTERS.includes(value as DealFilter);

/** The organization's deals, those waiting for it first (issue #12 item 2). */
export default async function DealsPage({ params, searchParams }: PageProps<"/[locale]/account/deals">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const raw = await searchParams;
  const filter: DealFilter = isFilter(raw.filter) ? raw.filter : "all";
  const list = await listDeals(user, filter, pageNumber(raw.page));
  const t = await getTranslations("deals.list");
  const tp = await getTranslations("pagination");
  const base = getPathname({ href: "/account/deals", locale: await getLocale() });
  const href = (page: number, f: DealFilter = filter) => pageHref(base, { filter: f === "all" ? null : f }, page);

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
      </header>
      <nav aria-label={t("filtersLabel")} className="flex flex-wrap gap-2">
        {DEAL_FILTERS.map((f) => (
          <a
            key={f}
            href={href(1, f)}
            aria-current={f === filter ? "page" : undefined}
            className={buttonClasses(f === filter ? "primary" : "secondary", "sm")}
          >
            {t(`filters.${f}`)}
            {f === "waiting" && list.waiting > 0 && (
              <span className="ms-1 rounded-full bg-white/20 px-1.5 text-xs">{list.waiting}</span>
            )}
          </a>
        ))}
      </nav>
      <p role="status" className="text-sm font-medium" data-testid="deals-count">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState
          title={t(filter === "all" ? "empty.title" : "empty.filtered")}
          description={t("empty.description")}
          action={
            <div className="flex flex-wrap justify-center gap-2">
              {can(user, "deal:express-interest") && (
                <Link href="/technologies" className={buttonClasses("secondary", "md")}>
                  {t("empty.technologies")}
                </Link>
              )}
              {can(user, "deal:propose") && (
                <Link href="/demands" className={buttonClasses("secondary", "md")}>
                  {t("empty.demands")}
                </Link>
              )}
            </div>
          }
        />
      ) : (
        <DealList items={list.items} hrefBase="/account/deals" label={t("title")} />
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => href(page)}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
