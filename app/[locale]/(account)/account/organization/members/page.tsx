import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { resendVerificationAction } from "@/app/[locale]/(auth)/verify-email/actions";
import { VerifyEmailBanner } from "@/components/auth/verify-email-banner";
import { MembershipForm } from "@/components/organizations/membership-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { redirect } from "@/lib/i18n/navigation";
import { organizationMembers, pendingInvites, pendingMembershipRequests } from "@/lib/organizations/queries";
import {
  decideMembershipAction,
  inviteMemberAction,
  removeMemberAction,
  revokeInviteAction,
  transferAdminAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("membership"))("membersTitle"), robots: { index: false } };
}

/** The organization's members; its administrator also decides requests, invites, removes and hands the role on. */
export default async function MembersPage({ params }: PageProps<"/[locale]/account/organization/members">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("membership:manage-own");
  if (!user.organizationId) return redirect({ href: "/account/organization", locale: await getLocale() });
  const t = await getTranslations("membership");
  const format = await getFormatter();
  const isAdmin = user.orgRole === "ADMIN";
  const [members, requests, invites] = await Promise.all([
    organizationMembers(user.organizationId),
    isAdmin ? pendingMembershipRequests(user.organizationId) : Promise.resolve([]),
    isAdmin ? pendingInvites(user.organizationId) : Promise.resolve([]),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("membersTitle")}</h1>
        <p className="mt-1 text-muted">
          {user.organization?.name} · {t("membersLead")}
        </p>
      </div>
      {!user.emailVerified && <VerifyEmailBanner action={resendVerificationAction} />}
      {!isAdmin && <p className="text-sm text-muted">{t("onlyAdmin")}</p>}

      {isAdmin && (
        <Card as="section" aria-labelledby="requests-title">
          <CardHeader>
            <CardTitle id="requests-title">{t("requestsTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            {requests.length === 0 ? (
              <EmptyState title={t("requestsEmpty")} />
            ) : (
              requests.map((r) => (
                <div key={r.id} className="rounded-md border border-border p-3">
                  <p className="font-medium">
                    {r.user.name} <span className="text-sm text-muted">{r.user.email}</span>{" "}
                    {!r.user.emailVerifiedAt && <Badge tone="warning">{t("unverified")}</Badge>}
                  </p>
                  <p className="text-xs text-muted">
                    {t("requestedAt", {
                      time: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                  {r.message && <p className="mt-1 whitespace-pre-line text-sm">{r.message}</p>}
                  <div className="mt-2">
                    <MembershipForm
                      action={decideMembershipAction}
                      hidden={{ requestId: r.id }}
                      input={{ kind: "note", name: "note", label: t("note"), id: `note-${r.id}` }}
                      buttons={[
                        { label: t("approve"), name: "decision", value: "approve" },
                        { label: t("reject"), name: "decision", value: "reject", variant: "danger" },
                      ]}
                    />
                  </div>
                </div>
              ))
            )}
          </CardContent>
        </Card>
      )}

      <Card as="section" aria-labelledby="members-title">
        <CardHeader>
          <CardTitle id="members-title">{t("membersTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          <Table scrollLabel={t("membersTitle")}>
            <THead>
              <TR>
                <TH>{t("colName")}</TH>
                <TH>{t("colEmail")}</TH>
                <TH>{t("colRole")}</TH>
                <TH>{t("colActions")}</TH>
              </TR>
            </THead>
            <TBody>
              {members.map((m) => (
                <TR key={m.id}>
                  <TD>
                    {m.name} {m.id === user.id && <span className="text-muted">{t("you")}</span>}
                  </TD>
                  <TD>
                    {m.email} {!m.emailVerifiedAt && <Badge tone="warning">{t("unverified")}</Badge>}
                  </TD>
                  <TD>{m.orgRole ? t(`role_${m.orgRole}`) : "—"}</TD>
                  <TD>
                    {m.id === user.id ? (
                      <MembershipForm
                        action={removeMemberAction}
                        hidden={{ id: m.id }}
                        buttons={[
                          { label: t("leave"), variant: "ghost", confirm: t("confirmRemove", { name: m.name }) },
                        ]}
                      />
                    ) : isAdmin && m.orgRole !== "ADMIN" ? (
                      <MembershipForm
                        action={transferAdminAction}
                        hidden={{ id: m.id }}
                        buttons={[
                          {
                            label: t("makeAdmin"),
                            variant: "secondary",
                            confirm: t("confirmTransfer", { name: m.name }),
                          },
                        ]}
                      />
                    ) : null}
                    {isAdmin && m.id !== user.id && (
                      <MembershipForm
                        action={removeMemberAction}
                        hidden={{ id: m.id }}
                        buttons={[
                          { label: t("remove"), variant: "danger", confirm: t("confirmRemove", { name: m.name }) },
                        ]}
                      />
                    )}
                  </TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </CardContent>
      </Card>

      {isAdmin && (
        <Card as="section" aria-labelledby="invites-title">
          <CardHeader>
            <CardTitle id="invites-title">{t("invitesTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <p className="text-sm text-muted">{t("inviteLead")}</p>
            <MembershipForm
              action={inviteMemberAction}
              input={{ kind: "email", name: "email", label: t("inviteEmail"), id: "invite-email" }}
              buttons={[{ label: t("inviteSubmit") }]}
            />
            {invites.length > 0 && (
              <div>
                <h3 className="mb-2 text-sm font-semibold">{t("pendingInvites")}</h3>
                <ul className="space-y-2">
                  {invites.map((i) => (
                    <li key={i.id} className="flex flex-wrap items-center gap-3 text-sm">
                      <span>{i.email}</span>
                      <span className="text-muted">
                        {t("expiresAt", { time: format.dateTime(i.expiresAt, { dateStyle: "medium" }) })}
                      </span>
                      <MembershipForm
                        action={revokeInviteAction}
                        hidden={{ id: i.id }}
                        buttons={[{ label: t("revoke"), variant: "ghost" }]}
                      />
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </CardContent>
        </Card>
      )}
    </div>
  );
}
