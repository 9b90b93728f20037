import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { VerifyChain } from "@/components/admin/verify-chain";
import { verifyChainAction } from "./actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { Stat } from "@/components/ui/stat";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listUsers } from "@/lib/accounts/queries";
import { recentAuditEvents } from "@/lib/audit/queries";
import { can } from "@/lib/authz";
import { requirePermission } from "@/lib/auth/session";
import { pageNumber } from "@/lib/page-number";
import { homeFigures, staffQueueCounts } from "@/lib/stats/queries";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("title"), robots: { index: false } };
}

export default async function AdminPage({ params, searchParams }: PageProps<"/[locale]/admin">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("admin:access");
  const t = await getTranslations("admin");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("pagination");
  const format = await getFormatter();
  const query = await searchParams;
  const page = pageNumber(query.page);

  const [queue, figures, events, users] = await Promise.all([
    can(user, "oversight:read") ? staffQueueCounts(user) : null,
    can(user, "oversight:read") ? homeFigures() : null,
    can(user, "audit:read") ? recentAuditEvents(user, 20) : null,
    can(user, "user:manage") ? listUsers(user, page) : null,
  ]);

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("signedInAs", { roles: user.roles.map((r) => tr(r)).join(", ") })}</p>
      </div>

      {queue && (
        <section aria-labelledby="queue-heading">
          <h2 id="queue-heading" className="mb-3 text-lg font-semibold">
            {t("queueTitle")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-3">
            <Stat label={t("queueSubmitted")} value={format.number(queue.submitted)} />
            <Stat label={t("queueRestricted")} value={format.number(queue.restricted)} />
            <Stat label={t("queueOrganizations")} value={format.number(queue.organizations)} />
          </div>
        </section>
      )}

      {figures && (
        <section aria-labelledby="market-heading">
          <h2 id="market-heading" className="mb-3 text-lg font-semibold">
            {t("marketTitle")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-4">
            <Stat label={t("publishedOffers")} value={format.number(figures.publishedOffers)} />
            <Stat label={t("publishedDemands")} value={format.number(figures.publishedDemands)} />
            <Stat label={t("verifiedOrganizations")} value={format.number(figures.verifiedOrganizations)} />
            <Stat label={t("signedContracts")} value={format.number(figures.signedContracts)} />
          </div>
        </section>
      )}

      {events && (
        <Card as="section">
          <CardHeader>
            <CardTitle>{t("auditTitle")}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <VerifyChain verify={verifyChainAction} />
            <Table scrollLabel={t("auditTitle")}>
              <THead>
                <TR>
                  <TH>#</TH>
                  <TH>{t("auditTime")}</TH>
                  <TH>{t("auditRole")}</TH>
                  <TH>{t("auditAction")}</TH>
                  <TH>{t("auditEntity")}</TH>
                  <TH>{t("auditHash")}</TH>
                </TR>
              </THead>
              <TBody>
                {events.map((e) => (
                  <TR key={e.seq}>
                    <TD>{e.seq}</TD>
                    <TD>{format.dateTime(e.occurred_at, "datetime")}</TD>
                    <TD>{e.actor_role}</TD>
                    <TD>
                      <code>{e.action}</code>
                    </TD>
                    <TD>{e.entity_type}</TD>
                    <TD>
                      <code title={e.hash}>{e.hash.slice(0, 12)}…</code>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          </CardContent>
        </Card>
      )}

      {users && (
        <Card as="section">
          <CardHeader>
            <CardTitle>{t("usersTitle", { count: users.total })}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4">
            <Table scrollLabel={t("usersTitle", { count: users.total })}>
              <THead>
                <TR>
                  <TH>{t("userName")}</TH>
                  <TH>{t("userEmail")}</TH>
                  <TH>{t("userRoles")}</TH>
                  <TH>{t("userOrganization")}</TH>
                  <TH>{t("userStatus")}</TH>
                </TR>
              </THead>
              <TBody>
                {users.items.map((u) => (
                  <TR key={u.id}>
                    <TD>{u.name}</TD>
                    <TD>{u.email}</TD>
                    <TD>{u.roles.map((r) => tr(r)).join(", ")}</TD>
                    <TD>{u.organization ?? "—"}</TD>
                    <TD>
                      <Badge tone={u.status === "ACTIVE" ? "success" : "neutral"}>{t(`status_${u.status}`)}</Badge>
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
            <Pagination
              page={users.page}
              pageCount={Math.ceil(users.total / users.pageSize)}
              hrefFor={(p) => `?page=${p}`}
              labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
            />
          </CardContent>
        </Card>
      )}
    </div>
  );
}
