import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { auditLabels } from "@/components/admin/audit/labels";
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
import { formatKpi } from "@/components/oversight/format";
import { STATUS_TONE } from "@/components/oversight/kpi-table";
import { workingDaysBetween } from "@/lib/calendar/working-days";
import { registrationQueue } from "@/lib/deals/registrations";
import { Link } from "@/lib/i18n/navigation";
import { KPI_CATALOGUE, MODERATION_TARGET_WORKING_DAYS, type KpiMetric } from "@/lib/kpi/catalogue";
import { kpiOverview } from "@/lib/kpi/overview";
import { periodContaining } from "@/lib/calendar/periods";
import { openFlagCount } from "@/lib/oversight/flags";

/** The headline indicators of the admin home (the whole set is on /admin/performance). */
const HEADLINE: readonly KpiMetric[] = [
  "offers_new",
  "funnel_deals_started",
  "funnel_contracts_signed",
  "contracts_value_total",
  "moderation_on_time_share",
  "registration_decision_on_time_share",
];

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
  // The log stores codes; staff read words (issue #15 item 3).
  const labels = auditLabels(await getTranslations("auditLog"), tr);
  const format = await getFormatter();
  const query = await searchParams;
  const page = pageNumber(query.page);

  const oversight = can(user, "oversight:read");
  const to = await getTranslations("oversight");
  const now = new Date();
  const [queue, figures, events, users, registrations, flags, overview] = await Promise.all([
    oversight ? staffQueueCounts(user) : null,
    can(user, "oversight:read") ? homeFigures() : null,
    can(user, "audit:read") ? recentAuditEvents(user, 20) : null,
    can(user, "user:manage") ? listUsers(user, page) : null,
    oversight ? registrationQueue(user, now) : null,
    oversight ? openFlagCount(user) : null,
    oversight ? kpiOverview(user, periodContaining("month", now)) : null,
  ]);
  const oldestDays = queue?.oldestSubmittedAt ? workingDaysBetween(queue.oldestSubmittedAt, now) : null;
  const overdueRegistrations = registrations?.filter((r) => r.deadline?.status === "overdue").length ?? 0;

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
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="admin-queues">
            <li className="rounded-lg border border-border bg-white p-4">
              <Link href="/admin/moderation" className="font-medium text-brand-700 underline">
                {to("home.moderation")}
              </Link>
              <p className="text-2xl font-bold">{format.number(queue.submitted)}</p>
              {oldestDays !== null && (
                <Badge tone={oldestDays > MODERATION_TARGET_WORKING_DAYS ? "danger" : "success"}>
                  {to("home.oldest", { days: oldestDays })}
                </Badge>
              )}
            </li>
            <li className="rounded-lg border border-border bg-white p-4">
              <Link href="/admin/moderation" className="font-medium text-brand-700 underline">
                {to("home.restricted")}
              </Link>
              <p className="text-2xl font-bold">{format.number(queue.restricted)}</p>
            </li>
            <li className="rounded-lg border border-border bg-white p-4">
              <Link href="/admin/organizations" className="font-medium text-brand-700 underline">
                {to("home.organizations")}
              </Link>
              <p className="text-2xl font-bold">{format.number(queue.organizations)}</p>
            </li>
            {registrations && (
              <li className="rounded-lg border border-border bg-white p-4">
                <Link href="/admin/registrations" className="font-medium text-brand-700 underline">
                  {to("home.registrations")}
                </Link>
                <p className="text-2xl font-bold">{format.number(registrations.length)}</p>
                <Badge tone={overdueRegistrations > 0 ? "danger" : "success"}>
                  {overdueRegistrations > 0 ? to("home.overdue", { count: overdueRegistrations }) : to("home.onTrack")}
                </Badge>
              </li>
            )}
            {flags !== null && (
              <li className="rounded-lg border border-border bg-white p-4">
                <Link href="/admin/flags" className="font-medium text-brand-700 underline">
                  {to("home.flags")}
                </Link>
                <p className="text-2xl font-bold">{format.number(flags)}</p>
              </li>
            )}
          </ul>
        </section>
      )}

      {overview && (
        <section aria-labelledby="kpi-heading">
          <h2 id="kpi-heading" className="mb-3 text-lg font-semibold">
            {to("home.kpis")}
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="admin-kpis">
            {overview.items
              .filter((i) => HEADLINE.includes(i.metric))
              .map((i) => {
                const unit = KPI_CATALOGUE[i.metric].unit;
                return (
                  <li key={i.metric} className="space-y-1 rounded-lg border border-border bg-white p-4">
                    <p className="text-sm text-muted">{to(`metrics.${i.metric}`)}</p>
                    <p className="text-2xl font-bold">{formatKpi(format, unit, i.value.value, to("status.noValue"))}</p>
                    {i.target ? (
                      <p className="flex flex-wrap items-center gap-2 text-sm">
                        <span>
                          {to("home.target", {
                            target: `${i.target.comparator === "gte" ? "≥" : "≤"} ${formatKpi(format, unit, i.target.target, "—")}`,
                          })}
                        </span>
                        {i.target.status && (
                          <Badge tone={STATUS_TONE[i.target.status]}>{to(`status.${i.target.status}`)}</Badge>
                        )}
                      </p>
                    ) : (
                      <p className="text-sm text-muted">{to("status.none")}</p>
                    )}
                  </li>
                );
              })}
          </ul>
          <p className="mt-2 text-sm">
            <Link href="/admin/performance" className="font-medium text-brand-700 underline">
              {to("home.seeAll")}
            </Link>
          </p>
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
                    <TD>{labels.role(e.actor_role)}</TD>
                    <TD title={e.action}>{labels.action(e.action)}</TD>
                    <TD>{labels.entityType(e.entity_type)}</TD>
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
