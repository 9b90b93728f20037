import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { changeText, type HistoryEvent } from "@/lib/audit/history";
import { auditLabels } from "./labels";
import { EVENT_TIME } from "./log-table";

/** An entity's events as an ordered list; each with its changed fields, old → new. */
export async function EntityHistory({ events }: { events: readonly HistoryEvent[] }) {
  const t = await getTranslations("auditLog");
  const format = await getFormatter();
  const labels = auditLabels(t, await getTranslations("roles"));
  const none = t("history.none");
  return (
    <ol className="space-y-4">
      {events.map((event) => (
        <li key={event.seq} className="rounded-lg border border-border bg-surface p-4 shadow-sm">
          <div className="flex flex-wrap items-baseline justify-between gap-2">
            <h2 className="font-semibold">
              <span title={event.action}>{labels.action(event.action)}</span>
            </h2>
            <p className="text-sm text-muted tabular-nums">
              {t("history.event", { seq: event.seq })} ·{" "}
              <time dateTime={event.occurredAt.toISOString()}>{format.dateTime(event.occurredAt, EVENT_TIME)}</time>
            </p>
          </div>
          <p className="text-sm">
            {t("history.by", {
              actor:
                event.actorId === null
                  ? t("log.nobody")
                  : (event.actorName ?? t("log.unknownActor", { id: event.actorId })),
              role: labels.role(event.actorRole),
            })}
          </p>
          {event.reason && <p className="text-sm">{t("history.reason", { reason: event.reason })}</p>}
          {event.changes.length === 0 ? (
            <p className="mt-2 text-sm text-muted">{t("history.noChanges")}</p>
          ) : (
            <Table scrollLabel={t("history.changesLabel", { seq: event.seq })} containerClassName="mt-3">
              <THead>
                <TR>
                  <TH>{t("history.field")}</TH>
                  <TH>{t("history.before")}</TH>
                  <TH>{t("history.after")}</TH>
                </TR>
              </THead>
              <TBody>
                {event.changes.map((change) => (
                  <TR key={change.key}>
                    <TD>
                      <code>{change.key}</code>
                    </TD>
                    <TD className="break-all">
                      {changeText(change.before) ?? <span className="text-muted">{none}</span>}
                    </TD>
                    <TD className="break-all">
                      {changeText(change.after) ?? <span className="text-muted">{none}</span>}
                    </TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
          <p className="mt-2 text-xs text-muted">
            {t("history.hash")}: <code className="break-all">{event.hash}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}
