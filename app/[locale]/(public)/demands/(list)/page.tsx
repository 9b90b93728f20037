import type { Metadata } from "next";
import { setRequestLocale } from "next-intl/server";
import { catalogMetadata, ListingCatalog } from "@/components/catalog/listing-catalog";

export async function generateMetadata({ params }: PageProps<"/[locale]/demands">): Promise<Metadata> {
  const { locale } = await params;
  return catalogMetadata("demand", locale);
}

export default async function DemandsPage({ params, searchParams }: PageProps<"/[locale]/demands">) {
  const { locale } = await params;
  setRequestLocale(locale);
  return <ListingCatalog kind="demand" locale={locale} raw={await searchParams} />;
}
