"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";

/** Links to the same page in the other language (keeps the query string). */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams();
  const other = locale === "vi" ? "en" : "vi";
  const query = Object.fromEntries(search.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={other}
      hrefLang={other}
      lang={other}
      className="rounded border border-border px-2 py-1 text-xs font-semibold text-brand-800 hover:bg-brand-50"
      aria-label={t("switchLanguage")}
    >
      {other === "en" ? "EN" : "VI"}
    </Link>
  );
}
