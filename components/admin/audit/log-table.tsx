import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { AuditLogRow } from "@/lib/audit/browse";
import { Link } from "@/lib/i18n/navigation";
import { auditLabels } from "./labels";

/** Seconds matter when events are compared: the log's own time format. */
export const EVENT_TIME = {
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
} as const;

/** Where an entity's history lives. */
export const historyHref = (type: string, id: string) =>
  `/admin/audit/entity/${encodeURIComponent(type)}/${encodeURIComponent(id)}`;

/** One page of the log: time, who and under which role, what (in words), on which entity. */
export async function LogTable({ rows }: { rows: readonly AuditLogRow[] }) {
  const t = await getTranslations("auditLog");
  const tr = await getTranslations("roles");
  const format = await getFormatter();
  const labels = auditLabels(t, tr);
  return (
    <Table scrollLabel={t("log.resultsLabel")}>
      <THead>
        <TR>
          <TH>{t("log.seq")}</TH>
          <TH>{t("log.time")}</TH>
          <TH>{t("log.actorCol")}</TH>
          <TH>{t("log.roleCol")}</TH>
          <TH>{t("log.actionCol")}</TH>
          <TH>{t("log.entity")}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => (
          <TR key={row.seq}>
            <TD className="tabular-nums">{row.seq}</TD>
            <TD className="whitespace-nowrap tabular-nums">
              <time dateTime={row.occurredAt.toISOString()}>{format.dateTime(row.occurredAt, EVENT_TIME)}</time>
            </TD>
            <TD>
              {row.actorId === null ? (
                t("log.nobody")
              ) : (
                <>
                  <span className="block">{row.actorName ?? t("log.unknownActor", { id: row.actorId })}</span>
                  {row.actorEmail && <span className="block text-xs text-muted">{row.actorEmail}</span>}
                </>
              )}
            </TD>
            <TD>{labels.role(row.actorRole)}</TD>
            <TD>
              <span title={row.action}>{labels.action(row.action)}</span>
            </TD>
            <TD>
              <span className="block">{labels.entityType(row.entityType)}</span>
              {row.entityId ? (
                <Link
                  href={historyHref(row.entityType, row.entityId)}
                  className="text-xs break-all underline"
                  aria-label={t("log.historyOf", { entity: `${labels.entityType(row.entityType)} ${row.entityId}` })}
                >
                  {row.entityId}
                </Link>
              ) : null}
            </TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
