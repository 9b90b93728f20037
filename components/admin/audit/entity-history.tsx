import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { HistoryEvent } from "@/lib/audit/history";
import { changeReader, type ValueWords } from "./change-words";
import { auditLabels } from "./labels";
import { EVENT_TIME } from "./log-table";

/**
 * An entity's events as an ordered list; each with its changed fields, old → new, in words
 * (./change-words.ts). What the log holds stays at hand for the auditor: a field without a label
 * shows its key, and each value's stored text is its tooltip when the words differ from it.
 */
export async function EntityHistory({ entityType, events }: { entityType: string; events: readonly HistoryEvent[] }) {
  const t = await getTranslations("auditLog");
  const format = await getFormatter();
  const labels = auditLabels(t, await getTranslations("roles"));
  const read = await changeReader(entityType);
  const none = t("history.none");
  const shown = (value: ValueWords | null) =>
    value === null ? (
      <span className="text-muted">{none}</span>
    ) : value.words === value.raw ? (
      value.words
    ) : (
      <span title={t("history.rawValue", { value: value.raw })}>{value.words}</span>
    );
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
          {event.reason && (
            <p
              className="text-sm"
              title={
                read.reason(event.reason) === event.reason ? undefined : t("history.rawValue", { value: event.reason })
              }
            >
              {t("history.reason", { reason: read.reason(event.reason) })}
            </p>
          )}
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
                {read.changes(event.changes).map((change) => (
                  <TR key={change.key}>
                    <TD>
                      {change.label ?? (
                        <code className="text-xs text-muted" title={t("history.unlabelled")}>
                          {change.key}
                        </code>
                      )}
                    </TD>
                    <TD className="whitespace-pre-line wrap-anywhere">{shown(change.before)}</TD>
                    <TD className="whitespace-pre-line wrap-anywhere">{shown(change.after)}</TD>
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
