import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OwnListings } from "@/components/listings/own-listings";
import { requirePermission } from "@/lib/auth/session";
import { pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("myOffers"), robots: { index: false } };
}

export default async function MyOffersPage({ params, searchParams }: PageProps<"/[locale]/account/offers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("offer:manage-own");
  return <OwnListings user={user} kind="offer" page={pageNumber((await searchParams).page)} />;
}
