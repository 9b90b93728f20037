import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OwnListings } from "@/components/listings/own-listings";
import { requirePermission } from "@/lib/auth/session";
import { pageNumber } from "@/lib/page-number";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("myDemands"), robots: { index: false } };
}

export default async function MyDemandsPage({ params, searchParams }: PageProps<"/[locale]/account/demands">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("demand:manage-own");
  return <OwnListings user={user} kind="demand" page={pageNumber((await searchParams).page)} />;
}
