import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { saveSearchAction } from "@/app/[locale]/(account)/account/saved-searches/actions";
import { catalogMetadata, ListingCatalog } from "@/components/catalog/listing-catalog";
import { decodeListKey } from "@/lib/cache/list-key";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { catalogKeyQuery } from "@/lib/catalog/schemas";

// `/demands?…` with a valid, canonical query, rewritten here by proxy.ts (the visible URL stays):
// cached (ISR) under its key and tagged `catalog:demands`, so a publication, withdrawal or organization
// change shows at once; what jobs change shows within `revalidate` seconds (= PUBLIC_PAGE_SECONDS,
// README "Caching").
export const revalidate = 60;

/** None at build time: each query is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Params = PageProps<"/[locale]/demands/q/[key]">["params"];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await params;
  return catalogMetadata("demand", locale);
}

export default async function CachedDemandsPage({ params }: { params: Params }) {
  const { locale, key } = await params;
  const explicit = decodeListKey(key);
  const query = explicit === null ? null : catalogKeyQuery("demand", explicit);
  // Only proxy.ts writes keys (and it answers requests for this path itself): anything else is junk.
  if (!query) notFound();
  setRequestLocale(locale);
  await tagPage([tags.catalog("demand")]);
  return <ListingCatalog kind="demand" locale={locale} raw={query} cached saveSearch={saveSearchAction} />;
}
