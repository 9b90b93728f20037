import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { DealList } from "@/components/deals/deal-list";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { requirePermission } from "@/lib/auth/session";
import { listAllDeals } from "@/lib/deals/queries";
import { DealState } from "@/lib/generated/prisma/enums";
import { getPathname } from "@/lib/i18n/navigation";
import { pageHref, pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("deals.admin"))("title"), robots: { index: false } };
}

const STATES = Object.values(DealState).filter((s) => s !== "ACCEPTED");
const stateOf = (value: unknown) => ((STATES as string[]).includes(value as string) ? (value as DealState) : null);

/** Every deal, read-only, for the operator, department officers and auditors (issue #12 item 2). */
export default async function AdminDealsPage({ params, searchParams }: PageProps<"/[locale]/admin/deals">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("deal:read-all");
  const raw = await searchParams;
  const state = stateOf(raw.state);
  const list = await listAllDeals(user, state, pageNumber(raw.page));
  const t = await getTranslations("deals.admin");
  const ts = await getTranslations("deals.states");
  const tp = await getTranslations("pagination");
  const base = getPathname({ href: "/admin/deals", locale: await getLocale() });
  const href = (page: number, s: DealState | null = state) => pageHref(base, { state: s }, page);
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
      </header>
      <nav aria-label={t("filtersLabel")} className="flex flex-wrap gap-2">
        <a
          href={href(1, null)}
          aria-current={state === null ? "page" : undefined}
          className={buttonClasses(state === null ? "primary" : "secondary", "sm")}
        >
          {t("all")}
        </a>
        {STATES.map((s) => (
          <a
            key={s}
            href={href(1, s)}
            aria-current={s === state ? "page" : undefined}
            className={buttonClasses(s === state ? "primary" : "secondary", "sm")}
          >
            {ts(s)}
          </a>
        ))}
      </nav>
      <p role="status" className="text-sm font-medium">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <DealList items={list.items} hrefBase="/admin/deals" label={t("title")} />
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
