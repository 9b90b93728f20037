import { isCanonical, toQueryString, type QueryInput } from "@/lib/catalog/query-input";
import type { CatalogIssue } from "@/lib/catalog/schemas";
import { redirect } from "@/lib/i18n/navigation";

type Scalar = string | number | boolean | undefined;

/**
 * A browsable list (catalog or directory) sends a submitted GET form, which carries every empty
 * field (`?sector=&trlMin=5&...`), to its short canonical URL — only when nothing was ignored, so the
 * notice about ignored values is still shown.
 */
export function redirectToCanonical(args: {
  pathname: string;
  locale: string;
  raw: QueryInput;
  query: Record<string, Scalar>;
  page: number;
  issues: CatalogIssue[];
}): void {
  const canonical = toQueryString(args.query, { page: args.page });
  if (args.issues.length === 0 && !isCanonical(args.raw, canonical)) {
    redirect({
      href: { pathname: args.pathname, query: Object.fromEntries(new URLSearchParams(canonical)) },
      locale: args.locale,
    });
  }
}
