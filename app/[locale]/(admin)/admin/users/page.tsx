import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { InlineAction } from "@/components/admin/users/inline-action";
import { InviteStaffForm } from "@/components/admin/users/invite-form";
import { RolesForm } from "@/components/admin/users/roles-form";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Input, Select } from "@/components/ui/input";
import { Pagination } from "@/components/ui/pagination";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { listStaffUsers, PARTY_ROLES, STAFF_ROLES, UserFilterSchema } from "@/lib/accounts/staff";
import { requirePermission } from "@/lib/auth/session";
import { getPathname } from "@/lib/i18n/navigation";
import { pageHref, pageNumber } from "@/lib/page-number";
import {
  deactivateUserAction,
  inviteStaffAction,
  reactivateUserAction,
  resetPasswordAction,
  updateRolesAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTools.users"))("title"), robots: { index: false } };
}

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** Users and roles, for the system administrator only (issue #13 item 7). */
export default async function AdminUsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const admin = await requirePermission("user:manage");
  const raw = await searchParams;
  const filter = UserFilterSchema.parse({
    q: first(raw.q),
    role: first(raw.role),
    status: first(raw.status),
    org: first(raw.org),
  });
  const list = await listStaffUsers(admin, filter, pageNumber(raw.page));
  const t = await getTranslations("adminTools.users");
  const tr = await getTranslations("roles");
  const tp = await getTranslations("pagination");
  const format = await getFormatter();
  const base = getPathname({ href: "/admin/users", locale: await getLocale() });
  const query = {
    q: filter.q ?? null,
    role: filter.role ?? null,
    status: filter.status ?? null,
    org: filter.org ?? null,
  };
  const filtered = Object.values(query).some((v) => v !== null);
  const ALL = [...PARTY_ROLES, ...STAFF_ROLES];
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
      </header>

      <Card as="section" aria-labelledby="invite-title">
        <CardHeader>
          <CardTitle id="invite-title">{t("invite.title")}</CardTitle>
          <p className="text-sm text-muted">{t("invite.lead")}</p>
        </CardHeader>
        <CardContent>
          <InviteStaffForm action={inviteStaffAction} roles={STAFF_ROLES} />
        </CardContent>
      </Card>

      <form
        method="get"
        action={base}
        role="search"
        aria-label={t("filters.label")}
        className="flex flex-wrap items-end gap-3"
      >
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("filters.q")}</span>
          <Input name="q" type="search" defaultValue={filter.q ?? ""} maxLength={100} />
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("filters.role")}</span>
          <Select name="role" defaultValue={filter.role ?? ""}>
            <option value="">{t("filters.any")}</option>
            {ALL.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("filters.status")}</span>
          <Select name="status" defaultValue={filter.status ?? ""}>
            <option value="">{t("filters.any")}</option>
            {(["ACTIVE", "DISABLED", "INVITED"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </Select>
        </label>
        <label className="space-y-1 text-sm font-medium">
          <span className="block">{t("filters.org")}</span>
          <Input name="org" type="search" defaultValue={filter.org ?? ""} maxLength={100} />
        </label>
        <button type="submit" className={buttonClasses("primary", "md")}>
          {t("filters.apply")}
        </button>
        {filtered && (
          <a href={base} className={buttonClasses("ghost", "md")}>
            {t("filters.reset")}
          </a>
        )}
      </form>

      <p role="status" className="text-sm font-medium">
        {t("count", { count: list.total })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState title={filtered ? t("emptyFiltered") : t("empty")} />
      ) : (
        <Table scrollLabel={t("title")}>
          <THead>
            <TR>
              <TH>{t("table.name")}</TH>
              <TH>{t("table.roles")}</TH>
              <TH>{t("table.status")}</TH>
              <TH>{t("table.organization")}</TH>
              <TH>{t("table.lastLogin")}</TH>
              <TH>{t("table.actions")}</TH>
            </TR>
          </THead>
          <TBody>
            {list.items.map((u) => {
              const lastAdmin = u.status === "ACTIVE" && u.roles.includes("ADMIN") && list.activeAdmins <= 1;
              const status = u.status === "DISABLED" ? "DISABLED" : u.invited ? "INVITED" : "ACTIVE";
              return (
                <TR key={u.id}>
                  <TD>
                    <p className="font-medium">
                      {u.name} {u.id === admin.id && <Badge tone="info">{t("manage.self")}</Badge>}
                    </p>
                    <p className="text-xs text-muted">{u.email}</p>
                  </TD>
                  <TD>
                    <div className="flex flex-wrap gap-1">
                      {u.roles.map((r) => (
                        <Badge key={r} tone={(STAFF_ROLES as readonly string[]).includes(r) ? "brand" : "neutral"}>
                          {tr(r)}
                        </Badge>
                      ))}
                    </div>
                  </TD>
                  <TD>
                    <Badge tone={status === "ACTIVE" ? "success" : status === "INVITED" ? "warning" : "danger"}>
                      {t(`status.${status}`)}
                    </Badge>
                  </TD>
                  <TD>{u.organization ?? "—"}</TD>
                  <TD className="whitespace-nowrap">
                    {u.lastLoginAt
                      ? format.dateTime(u.lastLoginAt, { dateStyle: "medium", timeStyle: "short" })
                      : t("table.never")}
                  </TD>
                  <TD>
                    <details className="min-w-64">
                      <summary className="cursor-pointer text-sm font-medium text-brand-700 underline">
                        {t("manage.summary", { name: u.name })}
                      </summary>
                      <div className="mt-3 space-y-4">
                        <RolesForm
                          action={updateRolesAction}
                          userId={u.id}
                          current={u.roles}
                          partyRoles={PARTY_ROLES}
                          staffRoles={STAFF_ROLES}
                          lockAdmin={lastAdmin}
                        />
                        {u.status === "ACTIVE" ? (
                          lastAdmin ? (
                            <p className="text-xs text-muted">{t("manage.lastAdmin")}</p>
                          ) : (
                            <InlineAction
                              action={deactivateUserAction}
                              namespace="adminTools.users"
                              hidden={{ userId: u.id }}
                              label={t("manage.deactivate")}
                              variant="danger"
                              confirm={t("manage.confirmDeactivate", { name: u.name })}
                              note={{ id: `reason-${u.id}`, name: "reason", label: t("manage.reason") }}
                            />
                          )
                        ) : (
                          <InlineAction
                            action={reactivateUserAction}
                            namespace="adminTools.users"
                            hidden={{ userId: u.id }}
                            label={t("manage.reactivate")}
                            confirm={t("manage.confirmReactivate", { name: u.name })}
                            note={{ id: `reason-${u.id}`, name: "reason", label: t("manage.reason") }}
                          />
                        )}
                        {u.status === "ACTIVE" && (
                          <InlineAction
                            action={resetPasswordAction}
                            namespace="adminTools.users"
                            hidden={{ userId: u.id }}
                            label={u.invited ? t("manage.resendInvite") : t("manage.resetPassword")}
                            confirm={t("manage.confirmReset", { email: u.email })}
                          />
                        )}
                      </div>
                    </details>
                  </TD>
                </TR>
              );
            })}
          </TBody>
        </Table>
      )}
      <Pagination
        page={list.page}
        pageCount={list.pageCount}
        hrefFor={(page) => pageHref(base, query, page)}
        labels={{ previous: tp("previous"), next: tp("next"), nav: tp("nav"), page: (n) => tp("page", { n }) }}
      />
    </div>
  );
}
