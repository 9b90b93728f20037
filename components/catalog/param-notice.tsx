import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { CatalogIssue } from "@/lib/catalog/schemas";

/** Lists the query values a page ignored (invalid, out of range, unknown) in the visitor's language. */
export async function ParamNotice({
  issues,
  requestedPage,
  page,
}: {
  issues: CatalogIssue[];
  requestedPage: number;
  page: number;
}) {
  if (issues.length === 0) return null;
  const t = await getTranslations("catalog");
  const field = (path: string) => (t.has(`fieldNames.${path}`) ? t(`fieldNames.${path}`) : path);
  const sentence = (issue: CatalogIssue) => {
    if (issue.code === "page_out_of_range") return t("notice.pageOutOfRange", { requested: requestedPage, page });
    if (issue.code === "range") return t("notice.range", { field: field(issue.path) });
    if (issue.code === "unknown") return t("notice.unknown", { field: field(issue.path) });
    return t("notice.invalid", { field: field(issue.path) });
  };
  return (
    <Alert tone="warning" title={t("notice.title")} data-testid="param-notice">
      <ul className="list-disc ps-5">
        {issues.map((issue) => (
          <li key={`${issue.path}-${issue.code}`}>{sentence(issue)}</li>
        ))}
      </ul>
    </Alert>
  );
}
