import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { DealView } from "@/components/deals/deal-view";
import { RecordFlags } from "@/components/oversight/flags-panel";
import { requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { dealForViewer } from "@/lib/deals/queries";
import { listFlags } from "@/lib/oversight/flags";
import { raiseFlagAction } from "../../performance/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/deals/[reference]">): Promise<Metadata> {
  const { reference } = await params;
  const t = await getTranslations("deals.detail");
  return { title: t("title", { reference: reference.slice(0, 40) }), robots: { index: false } };
}

/**
 * One deal, read-only, for oversight: no step and no message can be taken from here; an officer
 * may flag it for the operator's review (issue #13 item 4).
 */
export default async function AdminDealPage({ params }: PageProps<"/[locale]/admin/deals/[reference]">) {
  const { locale, reference } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("deal:read-all");
  const view = await dealForViewer(user, reference);
  if (!view) notFound();
  const flags = await listFlags(user, { state: "all", entityId: view.deal.id });
  return (
    <div className="space-y-6">
      <RecordFlags
        entityType="deal"
        entityId={view.deal.id}
        items={flags.items}
        canRaise={can(user, "flag:raise")}
        raiseAction={raiseFlagAction}
      />
      <DealView locale={locale} view={view} notice={null} emailVerified={user.emailVerified} />
    </div>
  );
}
