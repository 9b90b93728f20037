import Form from "next/form";
import { getLocale, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { getPathname } from "@/lib/i18n/navigation";
import type { SearchKind } from "@/lib/search/types";

/** The search page's own form: a plain GET to /search that keeps the current tab. */
export async function SearchForm({ q, tab }: { q: string; tab: SearchKind }) {
  const locale = await getLocale();
  const t = await getTranslations("search.page");
  return (
    // key: a new query in the URL re-mounts the form so the field shows it.
    <Form
      key={q}
      role="search"
      aria-label={t("formLabel")}
      action={getPathname({ href: "/search", locale })}
      className="flex max-w-2xl flex-wrap items-end gap-2"
    >
      <div className="min-w-0 flex-1 space-y-1.5">
        <label htmlFor="search-page-q" className="block text-sm font-medium">
          {t("queryLabel")}
        </label>
        <Input id="search-page-q" type="search" name="q" defaultValue={q} maxLength={200} autoComplete="off" />
      </div>
      <input type="hidden" name="tab" value={tab} />
      <button type="submit" className={buttonClasses("primary", "md")}>
        {t("submit")}
      </button>
    </Form>
  );
}
