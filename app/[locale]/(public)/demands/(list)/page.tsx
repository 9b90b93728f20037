import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { catalogMetadata, ListingCatalog } from "@/components/catalog/listing-catalog";

// Filters and pages come from the query string: rendered per request (a cached page cannot see it).
// The layout lists no static params, so Next would otherwise take this page for an ISR one.
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/demands">): Promise<Metadata> {
  const { locale } = await params;
  return catalogMetadata("demand", locale);
}

export default async function DemandsPage({ params, searchParams }: PageProps<"/[locale]/demands">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ListingCatalog kind="demand" locale={locale} raw={await searchParams} />;
}
