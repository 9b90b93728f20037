import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { toQueryString, type QueryInput } from "@/lib/catalog/query-input";
import type { CatalogIssue } from "@/lib/catalog/schemas";
import { Link } from "@/lib/i18n/navigation";
import { pageAlternates } from "@/lib/seo/urls";
import { redirectToCanonical } from "./canonical-redirect";
import { CatalogPagination } from "./catalog-pagination";
import { CatalogShell } from "./catalog-shell";
import { DirectoryFilter } from "./directory-filter";
import { ParamNotice } from "./param-notice";

/**
 * The public directories (`/organizations`, `/experts`): the same frame, filter form, notice,
 * pagination and empty state; each page passes its filter fields and its cards. The kind names
 * both the path and the message namespace.
 */

export type DirectoryKind = "organizations" | "experts";

type Scalar = string | number | boolean | undefined;

export async function directoryMetadata(kind: DirectoryKind, locale: string): Promise<Metadata> {
  const t = await getTranslations({ locale, namespace: kind });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, `/${kind}`) };
}

/** The filters in force: every query value but the page and the sort. */
function activeFilters(query: Record<string, Scalar>): number {
  return Object.entries(query).filter(
    ([key, value]) => key !== "page" && key !== "sort" && value !== undefined && value !== "" && value !== false,
  ).length;
}

export async function DirectoryPage(props: {
  kind: DirectoryKind;
  locale: string;
  raw: QueryInput;
  query: { page: number } & Record<string, Scalar>;
  issues: CatalogIssue[];
  result: { total: number; page: number; pageCount: number };
  /** The filter form's fields. */
  filters: ReactNode;
  /** One card per result, each with its key. */
  cards: ReactNode[];
}) {
  const { kind, query, issues, result } = props;
  const pathname = `/${kind}` as const;
  redirectToCanonical({ pathname, locale: props.locale, raw: props.raw, query, page: result.page, issues });
  const t = await getTranslations(kind);

  return (
    <CatalogShell
      title={t("title")}
      lead={t("lead")}
      resultsLabel={t("results")}
      count={t("count", { count: result.total })}
      notice={<ParamNotice issues={issues} requestedPage={query.page} page={result.page} />}
      filters={
        <DirectoryFilter
          pathname={pathname}
          stateKey={toQueryString(query)}
          heading={t("filters")}
          apply={t("apply")}
          clear={t("clear")}
          active={activeFilters(query)}
        >
          {props.filters}
        </DirectoryFilter>
      }
      pagination={
        <CatalogPagination pathname={pathname} query={query} page={result.page} pageCount={result.pageCount} />
      }
    >
      {props.cards.length === 0 ? (
        <EmptyState
          titleAs="h3"
          title={t("emptyTitle")}
          description={t("emptyHint")}
          action={
            <Link href={pathname} className={buttonClasses("secondary", "md")}>
              {t("clear")}
            </Link>
          }
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2 xl:grid-cols-3" data-testid="catalog-results">
          {props.cards}
        </ul>
      )}
    </CatalogShell>
  );
}
