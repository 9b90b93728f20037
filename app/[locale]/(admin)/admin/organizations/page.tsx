import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { VerificationDecision } from "@/components/moderation/verification-decision";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePermission } from "@/lib/auth/session";
import { verificationQueue } from "@/lib/organizations/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("verificationTitle"), robots: { index: false } };
}

export default async function VerificationQueuePage({ params }: PageProps<"/[locale]/admin/organizations">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await requirePermission("organization:verify");
  const t = await getTranslations("moderation");
  const to = await getTranslations("orgTypes");
  const queue = await verificationQueue();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("verificationTitle")}</h1>
      {queue.length === 0 ? <EmptyState title={t("verificationEmpty")} /> : queue.map((org) => (
        <Card as="section" key={org.id}>
          <CardHeader><CardTitle>{org.name}</CardTitle></CardHeader>
          <CardContent className="grid gap-4 md:grid-cols-2">
            <dl className="grid grid-cols-[10rem_1fr] gap-1 text-sm">
              <dt className="font-medium">{t("orgType")}</dt><dd>{to(org.type)}</dd>
              <dt className="font-medium">{t("taxCode")}</dt><dd>{org.taxCode ?? "—"}</dd>
              <dt className="font-medium">{t("establishmentDecision")}</dt><dd>{org.establishmentDecision ?? "—"}</dd>
              <dt className="font-medium">{t("address")}</dt><dd>{org.address ?? "—"}</dd>
              <dt className="font-medium">{t("members")}</dt><dd>{org._count.members}</dd>
              <dt className="font-medium">{t("documents")}</dt>
              <dd>{org.attachments.length === 0 ? "—" : org.attachments.map((a) => <a key={a.id} className="block text-brand-700 underline" href={`/api/files/${a.id}`}>{a.filename}</a>)}</dd>
            </dl>
            <VerificationDecision id={org.id} />
          </CardContent>
        </Card>
      ))}
    </div>
  );
}
