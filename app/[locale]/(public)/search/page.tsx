import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { saveSearchAction } from "@/app/[locale]/(account)/account/saved-searches/actions";
import { searchMetadata, SearchResults } from "@/components/search/search-results";
import { parseSearchParams } from "@/lib/search/page-params";

// Reached only for what proxy.ts does not serve from the cache: a query cut to its maximum length
// (the page says so) or too long to be a cache key. Every canonical search is rewritten to
// ./q/[key] (cached); any other spelling of one is redirected to it.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params, searchParams }: PageProps<"/[locale]/search">): Promise<Metadata> {
  const { locale } = await params;
  return searchMetadata(locale, parseSearchParams(await searchParams).q);
}

export default async function SearchPage({ params, searchParams }: PageProps<"/[locale]/search">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <SearchResults input={parseSearchParams(await searchParams)} saveSearch={saveSearchAction} />;
}
