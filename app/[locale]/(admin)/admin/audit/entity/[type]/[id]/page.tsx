import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { EntityHistory } from "@/components/admin/audit/entity-history";
import { auditLabels } from "@/components/admin/audit/labels";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EntityIdSchema, EntityTypeSchema } from "@/lib/audit/browse";
import { entityHistory } from "@/lib/audit/history";
import { auditContext, requirePermission } from "@/lib/auth/session";
import { getPathname, Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("log.title"), robots: { index: false } };
}

const Seq = /^[1-9]\d{0,17}$/;

/** A route segment as text; a malformed escape is kept as it is (and then fails the schema or finds nothing). */
function segment(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** One entity's full history (issue #13 item 5), oldest first, each event as the fields it changed. */
export default async function EntityHistoryPage({
  params,
  searchParams,
}: PageProps<"/[locale]/admin/audit/entity/[type]/[id]">) {
  const { locale, type: rawType, id: rawId } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("audit:read");
  const type = EntityTypeSchema.safeParse(segment(rawType));
  const id = EntityIdSchema.safeParse(segment(rawId));
  if (!type.success || !id.success) notFound();
  const rawAfter = (await searchParams).after;
  const after = typeof rawAfter === "string" && Seq.test(rawAfter) ? rawAfter : null;
  const history = await entityHistory(
    user,
    await auditContext(user, "audit:read"),
    {
      type: type.data,
      id: id.data,
    },
    after,
  );
  const t = await getTranslations("auditLog");
  const labels = auditLabels(t, await getTranslations("roles"));
  const entity = `${labels.entityType(type.data)} ${id.data}`;
  const self = getPathname({
    href: `/admin/audit/entity/${encodeURIComponent(type.data)}/${encodeURIComponent(id.data)}`,
    locale: await getLocale(),
  });
  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <Link href="/admin/audit" className="text-sm underline">
          ← {t("history.back")}
        </Link>
        <h1 className="text-2xl font-bold break-all">{t("history.title", { entity })}</h1>
        <p className="text-muted">{t("history.lead")}</p>
      </header>
      {history.events.length === 0 ? (
        <EmptyState title={t("history.empty")} description={t("history.emptyHint")} />
      ) : (
        <EntityHistory entityType={type.data} events={history.events} />
      )}
      {history.next && (
        <a href={`${self}?after=${history.next}`} className={buttonClasses("secondary", "sm")}>
          {t("history.more")}
        </a>
      )}
    </div>
  );
}
