import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { OrganizationForm } from "@/components/listings/organization-form";
import { VerificationPanel } from "@/components/listings/verification-panel";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formValues, locationOptions } from "@/lib/listings/form-options";
import { ownOrganization } from "@/lib/organizations/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("org.title"), robots: { index: false } };
}

export default async function OrganizationPage({ params }: PageProps<"/[locale]/account/organization">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("organization:manage-own");
  const org = await ownOrganization(user.organizationId);
  if (!org) notFound();
  const t = await getTranslations("workspace");
  const tv = await getTranslations("verification");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("org.title")}</h1>
        <p className="mt-1 flex items-center gap-2"><span>{org.name}</span><Badge tone={org.verificationStatus === "VERIFIED" ? "success" : org.verificationStatus === "REJECTED" ? "danger" : "warning"}>{tv(org.verificationStatus)}</Badge></p>
      </div>
      {org.verificationStatus === "REJECTED" && org.verificationNote && <Alert tone="danger" title={t("org.rejectedTitle")}>{org.verificationNote}</Alert>}
      <Card as="section">
        <CardHeader><CardTitle>{t("org.verificationTitle")}</CardTitle></CardHeader>
        <CardContent>
          <p className="mb-3 text-sm text-muted">{t("org.verificationLead")}</p>
          <VerificationPanel status={org.verificationStatus} documents={org.attachments} maxMb={Math.round(env().UPLOAD_MAX_BYTES / 1048576)} />
        </CardContent>
      </Card>
      <Card as="section">
        <CardHeader><CardTitle>{t("org.profileTitle")}</CardTitle></CardHeader>
        <CardContent><OrganizationForm values={formValues(org as unknown as Record<string, unknown>) as Record<string, string>} locations={locationOptions(locale)} /></CardContent>
      </Card>
    </div>
  );
}
