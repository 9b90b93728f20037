import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DealView } from "@/components/deals/deal-view";
import { requirePermission } from "@/lib/auth/session";
import { dealForViewer } from "@/lib/deals/queries";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/deals/[reference]">): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations("deals.detail");
  return { title: t("title", { reference: reference.slice(0, 40) }), robots: { index: false } };
}

/** One deal, read-only, for oversight: no step and no message can be taken from here. */
export default async function AdminDealPage({ params }: PageProps<"/[locale]/admin/deals/[reference]">) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("deal:read-all");
  const view = await dealForViewer(user, reference);
  if (!view) notFound();
  return <DealView locale={locale} view={view} notice={null} emailVerified={user.emailVerified} />;
}
