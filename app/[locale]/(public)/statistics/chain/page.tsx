import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { HEADS_PAGE_SIZE, publishedHeads } from "@/lib/audit/heads";
import { getPathname } from "@/lib/i18n/navigation";
import { clampPage, pageHref, pageNumber } from "@/lib/page-number";
import { pageAlternates } from "@/lib/seo/urls";

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics/chain">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "auditLog" });
  return {
    title: t("heads.title"),
    description: t("heads.lead"),
    alternates: pageAlternates(locale, "/statistics/chain"),
  };
}

// Rendered per request (it reads `?page=`), like the catalog lists; see the component's comment.
export const dynamic = "force-dynamic";

/** The open-data answer of the same list (a route handler, not a page: plain links). */
const HEADS_API = "/api/v1/audit-heads";

const TIME = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
} as const;

/**
 * The audit chain's published heads (issue #13 item 5): date, sequence number and hash of each
 * nightly checkpoint, newest first. Public, no personal data. Rendered per request because of its
 * `?page=`; the table grows by one row a night and the query reads at most one page of it.
 */
export default async function ChainHeadsPage({ params, searchParams }: PageProps<"/[locale]/statistics/chain">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("auditLog.heads");
  const tp = await getTranslations("pagination");
  const format = await getFormatter();
  const requested = pageNumber((await searchParams).page);
  let heads = await publishedHeads(requested, HEADS_PAGE_SIZE);
  const { page, pageCount } = clampPage(requested, heads.total, HEADS_PAGE_SIZE);
  if (page !== requested) heads = await publishedHeads(page, HEADS_PAGE_SIZE);
  const base = getPathname({ href: "/statistics/chain", locale: await getLocale() });
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p>{t("explain")}</p>
      </header>
      <p className="flex flex-wrap items-center gap-3 text-sm">
        <span>{t("downloads")}</span>
        <a href={`${HEADS_API}?format=csv`} className="underline">
          {t("csv")}
        </a>
        <a href={HEADS_API} className="underline">
          {t("json")}
        </a>
      </p>
      {heads.total === 0 ? (
        <EmptyState title={t("empty")} description={t("emptyHint")} />
      ) : (
        <>
          <p role="status" className="text-sm font-medium">
            {t("count", { count: heads.total })}
          </p>
          <Table scrollLabel={t("tableLabel")}>
            <THead>
              <TR>
                <TH>{t("date")}</TH>
                <TH>{t("seq")}</TH>
                <TH>{t("hash")}</TH>
              </TR>
            </THead>
            <TBody>
              {heads.items.map((head) => (
                <TR key={`${head.seq}-${head.publishedAt.toISOString()}`}>
                  <TD className="whitespace-nowrap tabular-nums">
                    <time dateTime={head.publishedAt.toISOString()}>{format.dateTime(head.publishedAt, TIME)}</time>
                  </TD>
                  <TD className="tabular-nums">{head.seq}</TD>
                  <TD>
                    <code className="text-xs break-all">{head.hash}</code>
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
          <Pagination
            page={page}
            pageCount={pageCount}
            hrefFor={(p) => pageHref(base, {}, p)}
            labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
          />
        </>
      )}
    </div>
  );
}
