import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { LogFilters } from "@/components/admin/audit/log-filters";
import { LogTable } from "@/components/admin/audit/log-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { browseAuditLog, filterQuery, parseAuditFilter } from "@/lib/audit/browse";
import { auditContext, requirePermission } from "@/lib/auth/session";
import { can } from "@/lib/authz";
import { getPathname, Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("log.title"), robots: { index: false } };
}

/** The audit log browser (issue #13 item 5): the auditor, and department officers, read it. */
export default async function AuditLogPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("audit:read");
  const { filter, invalid } = parseAuditFilter(await searchParams);
  const page = await browseAuditLog(user, await auditContext(user, "audit:read"), filter);
  const t = await getTranslations("auditLog");
  const base = getPathname({ href: "/admin/audit", locale: await getLocale() });
  const href = (cursor: Record<string, string>) =>
    `${base}?${new URLSearchParams({ ...filterQuery(filter), ...cursor }).toString()}`;

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <h1 className="text-2xl font-bold">{t("log.title")}</h1>
        <p className="text-muted">{t("log.lead")}</p>
      </header>
      <nav aria-label={t("log.toolsLabel")} className="flex flex-wrap gap-2">
        {can(user, "audit:verify") && (
          <Link href="/admin/audit/verify" className={buttonClasses("secondary", "sm")}>
            {t("log.toVerify")}
          </Link>
        )}
        {can(user, "audit:export") && (
          <Link href="/admin/audit/sample" className={buttonClasses("secondary", "sm")}>
            {t("log.toSample")}
          </Link>
        )}
        <Link href="/statistics/chain" className={buttonClasses("ghost", "sm")}>
          {t("log.toHeads")}
        </Link>
      </nav>
      <LogFilters action={base} filter={filter} />
      {invalid.length > 0 && <Alert tone="warning">{t("log.invalidFilters", { fields: invalid.join(", ") })}</Alert>}
      {page.tooManyActors && <Alert tone="warning">{t("log.tooManyActors", { actor: filter.actor ?? "" })}</Alert>}
      <p role="status" className="text-sm font-medium">
        {t("log.shown", { count: page.rows.length })}
      </p>
      {page.rows.length === 0 ? (
        <EmptyState title={t("log.empty")} description={t("log.emptyHint")} />
      ) : (
        <LogTable rows={page.rows} />
      )}
      {(page.newer || page.older) && (
        <nav aria-label={t("log.pager")} className="flex justify-between gap-2">
          {page.newer ? (
            <a href={href({ after: page.newer })} className={buttonClasses("secondary", "sm")} rel="prev">
              ← {t("log.newer")}
            </a>
          ) : (
            <span />
          )}
          {page.older && (
            <a href={href({ before: page.older })} className={buttonClasses("secondary", "sm")} rel="next">
              {t("log.older")} →
            </a>
          )}
        </nav>
      )}
    </div>
  );
}
