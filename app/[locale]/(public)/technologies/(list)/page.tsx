import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { saveSearchAction } from "@/app/[locale]/(account)/account/saved-searches/actions";
import { catalogMetadata, ListingCatalog } from "@/components/catalog/listing-catalog";

// Reached only for what proxy.ts does not serve from the cache: a query with a value the page drops
// (and lists in a notice), or one too long to be a cache key. Every valid, canonical query is
// rewritten to ./q/[key] (cached); any other spelling of one is redirected to its canonical URL.
export const dynamic = "force-dynamic";

// No loading.tsx beside the catalog: a Suspense boundary above it streamed the list into a hidden
// element that only a script reveals, so without JavaScript the catalog showed its skeleton alone.

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies">): Promise<Metadata> {
  const { locale } = await params;
  return catalogMetadata("offer", locale);
}

export default async function TechnologiesPage({ params, searchParams }: PageProps<"/[locale]/technologies">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ListingCatalog kind="offer" locale={locale} raw={await searchParams} saveSearch={saveSearchAction} />;
}
