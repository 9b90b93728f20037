import { getLocale, getTranslations } from "next-intl/server";
import { Pagination } from "@/components/ui/pagination";
import { toQueryString } from "@/lib/catalog/query-input";
import { getPathname } from "@/lib/i18n/navigation";

type Scalar = string | number | boolean | undefined;

/** Page links that keep every filter of the current query. */
export async function CatalogPagination({
  pathname,
  query,
  page,
  pageCount,
}: {
  pathname: string;
  query: Record<string, Scalar>;
  page: number;
  pageCount: number;
}) {
  const locale = await getLocale();
  const t = await getTranslations("pagination");
  const base = getPathname({ href: pathname, locale });
  return (
    <Pagination
      className="mt-6"
      page={page}
      pageCount={pageCount}
      hrefFor={(n) => `${base}${toQueryString(query, { page: n })}`}
      labels={{ previous: t("previous"), next: t("next"), nav: t("nav"), page: (n) => t("page", { n }) }}
    />
  );
}
