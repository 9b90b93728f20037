import type { Metadata } from "next";
import { LEGAL_FIELDS } from "@/lib/organizations/schemas";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { searchOrganizationsAction } from "@/app/[locale]/(auth)/register/actions";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { OrganizationForm } from "@/components/listings/organization-form";
import { VerificationPanel } from "@/components/listings/verification-panel";
import { JoinOrganizationForm } from "@/components/organizations/join-organization-form";
import { MembershipForm } from "@/components/organizations/membership-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { formValues, locationOptions } from "@/lib/listings/form-options";
import { ownMembershipRequest, ownOrganization } from "@/lib/organizations/queries";
import {
  cancelMembershipRequestAction,
  requestMembershipAction,
  requestVerificationAction,
  updateOrganizationAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("workspace"))("org.title"), robots: { index: false } };
}

const LEGAL = LEGAL_FIELDS;

export default async function OrganizationPage({ params }: PageProps<"/[locale]/account/organization">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("organization:manage-own");
  const org = await ownOrganization(user.organizationId);
  const t = await getTranslations("workspace");
  const tv = await getTranslations("verification");
  const tm = await getTranslations("membership");
  const to = await getTranslations("orgTypes");

  if (!org) {
    const request = await ownMembershipRequest(user.id);
    return (
      <div className="space-y-6">
        <h1 className="text-2xl font-bold">{tm("joinTitle")}</h1>
        {!user.emailVerified && <VerifyEmailBanner action={resendVerificationAction} />}
        {request?.status === "PENDING" ? (
          <Alert tone="info">
            <p>{tm("requestPending", { organization: request.organization.name })}</p>
            <div className="mt-2">
              <MembershipForm
                action={cancelMembershipRequestAction}
                hidden={{ id: request.id }}
                buttons={[{ label: tm("cancelRequest"), variant: "secondary" }]}
              />
            </div>
          </Alert>
        ) : (
          <Card as="section">
            <CardContent className="space-y-4 pt-6">
              {request?.status === "REJECTED" && (
                <Alert tone="warning">
                  {tm("requestRejected", { organization: request.organization.name, note: request.decisionNote ?? "" })}
                </Alert>
              )}
              <p className="text-sm text-muted">{tm("joinLead")}</p>
              <JoinOrganizationForm action={requestMembershipAction} searchOrganizations={searchOrganizationsAction} />
            </CardContent>
          </Card>
        )}
      </div>
    );
  }

  const pending = (org.pendingLegal ?? null) as Partial<Record<(typeof LEGAL)[number], string | null>> | null;
  const changes = pending
    ? LEGAL.filter((k) => (pending[k] ?? null) !== (org[k] ?? null)).map(
        (k) => `${tm(`fields.${k}`)}: ${k === "type" && pending[k] ? to(pending[k]!) : (pending[k] ?? "—")}`,
      )
    : [];
  // The form shows what the administrator last proposed, so saving other fields keeps the proposal.
  const values = formValues({ ...org, ...(pending ?? {}) } as unknown as Record<string, unknown>) as Record<
    string,
    string
  >;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("org.title")}</h1>
          <p className="mt-1 flex items-center gap-2">
            <span>{org.name}</span>
            <Badge
              tone={
                org.verificationStatus === "VERIFIED"
                  ? "success"
                  : org.verificationStatus === "REJECTED"
                    ? "danger"
                    : "warning"
              }
            >
              {tv(org.verificationStatus)}
            </Badge>
          </p>
        </div>
        <ButtonLink href="/account/organization/members" variant="secondary">
          {tm("membersLink")}
        </ButtonLink>
      </div>
      {!user.emailVerified && <VerifyEmailBanner action={resendVerificationAction} />}
      {org.verificationStatus === "REJECTED" && org.verificationNote && (
        <Alert tone="danger" title={t("org.rejectedTitle")}>
          {org.verificationNote}
        </Alert>
      )}
      {pending && changes.length > 0 && (
        <Alert tone="info" title={tm("legalPendingTitle")}>
          {tm("legalPendingText", { changes: changes.join("; ") })}
        </Alert>
      )}
      {!pending && org.verificationStatus === "VERIFIED" && org.verificationNote && (
        <Alert tone="warning" title={tm("legalRejectedTitle")}>
          {org.verificationNote}
        </Alert>
      )}
      <Card as="section">
        <CardHeader>
          <CardTitle>{t("org.verificationTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <p className="mb-3 text-sm text-muted">{t("org.verificationLead")}</p>
          <VerificationPanel
            status={org.verificationStatus}
            documents={org.attachments}
            maxMb={Math.round(env().UPLOAD_MAX_BYTES / 1048576)}
            requestVerification={requestVerificationAction}
          />
        </CardContent>
      </Card>
      <Card as="section">
        <CardHeader>
          <CardTitle>{t("org.profileTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <OrganizationForm
            action={updateOrganizationAction}
            values={values}
            locations={locationOptions(locale)}
            canEditLegal={user.orgRole === "ADMIN"}
            types={
              org.type === "STATE_AGENCY"
                ? []
                : ["UNIVERSITY", "INSTITUTE", "ENTERPRISE", "INDIVIDUAL", "INTERMEDIARY"].map((v) => ({
                    value: v,
                    label: to(v),
                  }))
            }
          />
        </CardContent>
      </Card>
    </div>
  );
}
