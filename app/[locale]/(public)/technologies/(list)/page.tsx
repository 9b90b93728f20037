import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { catalogMetadata, ListingCatalog } from "@/components/catalog/listing-catalog";

// Filters and pages come from the query string: rendered per request (a cached page cannot see it).
// The layout lists no static params, so Next would otherwise take this page for an ISR one.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/technologies">): Promise<Metadata> {
  const { locale } = await params;
  return catalogMetadata("offer", locale);
}

export default async function TechnologiesPage({ params, searchParams }: PageProps<"/[locale]/technologies">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ListingCatalog kind="offer" locale={locale} raw={await searchParams} />;
}
