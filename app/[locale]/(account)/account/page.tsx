import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OnboardingChecklist } from "@/components/account/onboarding-checklist";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { onboardingFor } from "@/lib/accounts/onboarding";
import { workspaceCounts } from "@/lib/accounts/queries";
import { can } from "@/lib/authz";
import { safeCallbackPath } from "@/lib/auth/callback";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("title"), robots: { index: false } };
}

/**
 * The workspace home: the first-hour checklist until every step is done, then the organization and
 * its listings. `callbackUrl` (after registration): the page the visitor was on, offered as a way back.
 */
export default async function AccountPage({ params, searchParams }: PageProps<"/[locale]/account">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("workspace:access");
  const back = safeCallbackPath((await searchParams).callbackUrl);
  const t = await getTranslations("account");
  const tv = await getTranslations("verification");
  const [counts, onboarding] = await Promise.all([workspaceCounts(user.organizationId), onboardingFor(user)]);
  const org = user.organization;
  const intermediary =
    user.roles.includes("INTERMEDIARY") && !user.roles.includes("PROVIDER") && !user.roles.includes("SEEKER");

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("greeting", { name: user.name })}</p>
      </div>
      {back && back !== "/account" && (
        <Alert tone="info" title={t("onboarding.continue.title")}>
          <p>{t("onboarding.continue.text")}</p>
          <p className="mt-2">
            <Link href={back} className={buttonClasses("secondary", "sm")}>
              {t("onboarding.continue.link")}
            </Link>
          </p>
        </Alert>
      )}
      {onboarding && !onboarding.complete && (
        <OnboardingChecklist
          onboarding={onboarding}
          email={user.email}
          maxMb={Math.round(env().UPLOAD_MAX_BYTES / 1048576)}
          intermediary={intermediary}
        />
      )}
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
