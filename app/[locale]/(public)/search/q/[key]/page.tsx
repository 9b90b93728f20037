import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { saveSearchAction } from "@/app/[locale]/(account)/account/saved-searches/actions";
import { searchMetadata, SearchResults } from "@/components/search/search-results";
import { decodeListKey } from "@/lib/cache/list-key";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { searchKeyParams } from "@/lib/search/page-params";

// `/search?q=…` with a canonical query, rewritten here by proxy.ts (the visible URL stays): cached
// (ISR) under its key. Results are tagged with every collection they list, so a publication,
// withdrawal or verification shows at once; what jobs change shows within `revalidate` seconds
// (= PUBLIC_PAGE_SECONDS, README "Caching").
export const revalidate = 60;

/** None at build time: each query is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Params = PageProps<"/[locale]/search/q/[key]">["params"];

async function load(params: Params) {
  const { locale, key } = await params;
  const explicit = decodeListKey(key);
  return { locale, input: explicit === null ? null : searchKeyParams(explicit) };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, input } = await load(params);
  return input ? searchMetadata(locale, input.q) : {};
}

export default async function CachedSearchPage({ params }: { params: Params }) {
  const { locale, input } = await load(params);
  // Only proxy.ts writes keys (and it answers requests for this path itself): anything else is junk.
  if (!input) notFound();
  setRequestLocale(locale);
  await tagPage([tags.catalog("offer"), tags.catalog("demand"), tags.organizations, tags.experts]);
  return <SearchResults input={input} saveSearch={saveSearchAction} />;
}
