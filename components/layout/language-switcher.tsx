"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";

/**
 * Links to the same page in the other language (keeps the query string). Cached pages are rendered
 * without a request, so the query string is only known in the browser: until then (and in the
 * cached HTML) the link leads to the page without it.
 */
export function LanguageSwitcher() {
  return (
    <Suspense fallback={<SwitchLink query={{}} />}>
      <WithQuery />
    </Suspense>
  );
}

function WithQuery() {
  const search = useSearchParams();
  return <SwitchLink query={Object.fromEntries(search.entries())} />;
}

function SwitchLink({ query }: { query: Record<string, string> }) {
  const t = useTranslations("nav");
  const locale = useLocale();
  const pathname = usePathname();
  const other = locale === "vi" ? "en" : "vi";
  return (
    <Link href={{ pathname, query }} locale={other} hrefLang={other} lang={other} className="lang-switch">
      {/* The name starts with what is seen (WCAG 2.5.3 label in name), then says what it does. */}
      {other === "en" ? "EN" : "VI"}
      <span className="sr-only"> — {t("switchLanguage")}</span>
    </Link>
  );
}
