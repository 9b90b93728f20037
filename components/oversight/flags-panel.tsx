import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import { flagEvents } from "@/lib/oversight/flag-machine";
import type { listFlags } from "@/lib/oversight/flags";
import { AnswerFlagForm, FlagStepButton, RaiseFlagForm } from "./flag-forms";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;
type FlagItem = Awaited<ReturnType<typeof listFlags>>["items"][number];

const TONE = { OPEN: "warning", ANSWERED: "info", CLOSED: "neutral" } as const;

/**
 * Flags as a list: each with its record, note, answer and the steps the viewer may take
 * (FLAG_MACHINE): the operator answers an open flag; the officer closes one or sends it back.
 */
export async function FlagList({
  items,
  actor,
  answerAction,
  stepAction,
  showRecord = true,
}: {
  items: readonly FlagItem[];
  actor: "officer" | "operator" | null;
  answerAction?: (id: string, version: number, prev: ActionResult, data: FormData) => Promise<ActionResult>;
  stepAction?: (
    id: string,
    version: number,
    event: "close" | "reopen",
    prev: ActionResult,
    data: FormData,
  ) => Promise<ActionResult>;
  showRecord?: boolean;
}) {
  const t = await getTranslations("oversight.flags");
  const format = await getFormatter();
  return (
    <ol className="space-y-3" data-testid="flags">
      {items.map((f) => {
        const events = actor ? flagEvents(f.state, actor) : [];
        return (
          <li key={f.id} className="space-y-2 rounded-lg border border-border bg-white p-4 text-sm" data-testid="flag">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={TONE[f.state]}>{t(`state.${f.state}`)}</Badge>
              <span className="text-muted">{t(`entity.${f.entityType as "offer"}`)}</span>
              {showRecord && (
                <Link href={f.link} className="font-medium text-brand-700 underline">
                  {f.label}
                </Link>
              )}
            </div>
            <p className="whitespace-pre-line">{f.note}</p>
            <p className="text-xs text-muted">
              {t("by", { name: f.createdBy ?? "—", at: format.dateTime(f.createdAt, "datetime") })}
            </p>
            {f.answer && (
              <div className="rounded-md bg-surface-muted p-2">
                <p className="whitespace-pre-line">{f.answer}</p>
                <p className="text-xs text-muted">
                  {t("by", {
                    name: f.answeredBy ?? "—",
                    at: f.answeredAt ? format.dateTime(f.answeredAt, "datetime") : "",
                  })}
                </p>
              </div>
            )}
            {events.includes("answer") && answerAction && (
              <AnswerFlagForm id={f.id} action={answerAction.bind(null, f.id, f.version) as Action} />
            )}
            {stepAction && (events.includes("close") || events.includes("reopen")) && (
              <div className="flex flex-wrap gap-2">
                {events.includes("reopen") && (
                  <FlagStepButton step="reopen" action={stepAction.bind(null, f.id, f.version, "reopen") as Action} />
                )}
                {events.includes("close") && (
                  <FlagStepButton step="close" action={stepAction.bind(null, f.id, f.version, "close") as Action} />
                )}
              </div>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** On a record an officer reads: its flags and, for an officer, the form to raise one. */
export async function RecordFlags({
  entityType,
  entityId,
  items,
  canRaise,
  raiseAction,
}: {
  entityType: "offer" | "demand" | "deal" | "organization";
  entityId: string;
  items: readonly FlagItem[];
  canRaise: boolean;
  raiseAction: Action;
}) {
  const t = await getTranslations("oversight.flags");
  if (!canRaise && items.length === 0) return null;
  return (
    <section
      aria-labelledby="record-flags"
      className="space-y-3 rounded-lg border border-warning-200 bg-warning-50 p-4"
    >
      <h2 id="record-flags" className="text-base font-semibold">
        {t("onRecord")}
      </h2>
      {items.length > 0 && <FlagList items={items} actor={null} showRecord={false} />}
      {canRaise && <RaiseFlagForm entityType={entityType} entityId={entityId} action={raiseAction} />}
    </section>
  );
}
