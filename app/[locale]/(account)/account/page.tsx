import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/authz";
import { requirePermission } from "@/lib/auth/session";
import { workspaceCounts } from "@/lib/accounts/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage({ params }: PageProps<"/[locale]/account">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const t = await getTranslations("account");
  const tv = await getTranslations("verification");
  const counts = await workspaceCounts(user.organizationId);
  const org = user.organization;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("greeting", { name: user.name })}</p>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>{t("organization")}</CardTitle>
        </CardHeader>
        <CardContent>
          {org ? (
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{org.name}</span>
              <Badge tone={org.verificationStatus === "VERIFIED" ? "success" : "warning"}>
                {tv(org.verificationStatus)}
              </Badge>
            </p>
          ) : (
            <p className="text-muted">{t("noOrganization")}</p>
          )}
        </CardContent>
      </Card>
      <div className="grid gap-4 md:grid-cols-2">
        {can(user, "offer:create") && (
          <Card as="section">
            <CardHeader>
              <CardTitle>{t("myOffers")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p>{t("offerCounts", { published: counts.publishedOffers, total: counts.offers })}</p>
            </CardContent>
          </Card>
        )}
        {can(user, "demand:create") && (
          <Card as="section">
            <CardHeader>
              <CardTitle>{t("myDemands")}</CardTitle>
            </CardHeader>
            <CardContent>
              <p>{t("demandCounts", { published: counts.publishedDemands, total: counts.demands })}</p>
            </CardContent>
          </Card>
        )}
      </div>
    </div>
  );
}
