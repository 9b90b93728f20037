import type { Metadata } from "next";
import { LEGAL_FIELDS } from "@/lib/organizations/schemas";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { VerificationDecision } from "@/components/moderation/verification-decision";
import { MembershipForm } from "@/components/organizations/membership-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { can } from "@/lib/authz";
import { requirePermission } from "@/lib/auth/session";
import { orphanMembershipRequests, verificationQueue } from "@/lib/organizations/queries";
import { decideOrphanMembershipAction, decideVerificationAction } from "./actions";
import { queueNotice } from "./notices";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("verificationTitle"), robots: { index: false } };
}

const LEGAL = LEGAL_FIELDS;

/** The operator's queue: first verifications, changes of verified legal fields, and orphan membership requests. */
export default async function VerificationQueuePage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/organizations">) {
  const { locale } = await params;
  const done = queueNotice((await searchParams).done);
  setRequestLocale(locale);
  const user = await requirePermission("organization:verify");
  const t = await getTranslations("moderation");
  const tm = await getTranslations("membership");
  const to = await getTranslations("orgTypes");
  const format = await getFormatter();
  const [queue, orphans] = await Promise.all([
    verificationQueue(user),
    can(user, "membership:decide-orphan") ? orphanMembershipRequests(user) : Promise.resolve([]),
  ]);
  const show = (key: (typeof LEGAL)[number], value: unknown) =>
    key === "type" && typeof value === "string" ? to(value) : typeof value === "string" && value ? value : "—";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t("verificationTitle")}</h1>
      {done && <Alert tone="success">{t(`queueDone.${done}`)}</Alert>}
      {queue.length === 0 ? (
        <EmptyState title={t("verificationEmpty")} />
      ) : (
        queue.map((org) => {
          const pending = org.pendingLegal as Partial<Record<(typeof LEGAL)[number], string | null>> | null;
          const legal = org.verificationStatus === "VERIFIED" && pending !== null;
          return (
            <Card as="section" key={org.id}>
              <CardHeader>
                <CardTitle>
                  {org.name} {legal && <Badge tone="warning">{tm("admin.legalTitle")}</Badge>}
                </CardTitle>
              </CardHeader>
              <CardContent className="grid gap-4 md:grid-cols-2">
                {legal ? (
                  <Table scrollLabel={`${tm("admin.legalTitle")}: ${org.name}`} containerClassName="self-start">
                    <THead>
                      <TR>
                        <TH />
                        <TH>{tm("admin.legalCurrent")}</TH>
                        <TH>{tm("admin.legalProposed")}</TH>
                      </TR>
                    </THead>
                    <TBody>
                      {LEGAL.map((k) => (
                        <TR
                          key={k}
                          className={(pending![k] ?? null) !== (org[k] ?? null) ? "font-semibold" : undefined}
                        >
                          <TH scope="row" className="font-medium whitespace-normal">
                            {tm(`fields.${k}`)}
                          </TH>
                          <TD>{show(k, org[k])}</TD>
                          <TD>{show(k, pending![k] ?? null)}</TD>
                        </TR>
                      ))}
                    </TBody>
                  </Table>
                ) : (
                  <dl className="grid grid-cols-[10rem_1fr] gap-1 text-sm">
                    <dt className="font-medium">{t("orgType")}</dt>
                    <dd>{to(org.type)}</dd>
                    <dt className="font-medium">{t("taxCode")}</dt>
                    <dd>{org.taxCode ?? "—"}</dd>
                    <dt className="font-medium">{t("establishmentDecision")}</dt>
                    <dd>{org.establishmentDecision ?? "—"}</dd>
                    <dt className="font-medium">{t("address")}</dt>
                    <dd>{org.address ?? "—"}</dd>
                    <dt className="font-medium">{t("members")}</dt>
                    <dd>{org._count.members}</dd>
                    <dt className="font-medium">{t("documents")}</dt>
                    <dd>
                      {org.attachments.length === 0
                        ? "—"
                        : org.attachments.map((a) => (
                            <a key={a.id} className="block text-brand-700 underline" href={`/api/files/${a.id}`}>
                              {a.filename}
                            </a>
                          ))}
                    </dd>
                  </dl>
                )}
                <VerificationDecision
                  id={org.id}
                  name={org.name}
                  kind={legal ? "legal" : "verification"}
                  action={decideVerificationAction}
                />
              </CardContent>
            </Card>
          );
        })
      )}

      {can(user, "membership:decide-orphan") && (
        <section aria-labelledby="orphan-title" className="space-y-3 pt-4">
          <h2 id="orphan-title" className="text-xl font-semibold">
            {tm("admin.orphanTitle")}
          </h2>
          <p className="text-sm text-muted">{tm("admin.orphanLead")}</p>
          {orphans.length === 0 ? (
            <EmptyState title={tm("admin.orphanEmpty")} />
          ) : (
            orphans.map((r) => (
              <Card as="article" key={r.id}>
                <CardContent className="space-y-2 pt-6">
                  <p className="font-medium">
                    {r.user.name} <span className="text-sm text-muted">{r.user.email}</span> → {r.organization.name} (
                    {to(r.organization.type)})
                  </p>
                  <p className="text-xs text-muted">
                    {tm("requestedAt", {
                      time: format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" }),
                    })}
                  </p>
                  {!r.user.emailVerifiedAt && <Badge tone="warning">{tm("unverified")}</Badge>}
                  {r.message && <p className="whitespace-pre-line text-sm">{r.message}</p>}
                  <MembershipForm
                    action={decideOrphanMembershipAction}
                    hidden={{ requestId: r.id }}
                    input={{ kind: "note", name: "note", label: tm("note"), id: `orphan-note-${r.id}` }}
                    buttons={[
                      { label: tm("approve"), name: "decision", value: "approve" },
                      { label: tm("reject"), name: "decision", value: "reject", variant: "danger" },
                    ]}
                  />
                </CardContent>
              </Card>
            ))
          )}
        </section>
      )}
    </div>
  );
}
