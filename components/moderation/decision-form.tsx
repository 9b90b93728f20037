"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { ConfirmDialog } from "./confirm-dialog";
import { ReviewChecklist } from "./review-checklist";
import { REJECTION_REASONS, toggleReason, type CheckItem } from "./review-checks";
import { useConfirmedDecision } from "./use-confirmed-decision";

/**
 * The moderator's decision: a checklist to go through, ready-made rejection reasons that fill the
 * (editable) reason, and approve / reject — each confirmed in a dialog before anything is sent.
 * `action` is the moderation route's server action, passed in by the page.
 */
export function DecisionForm({
  kind,
  id,
  canApprove,
  isRevision,
  checks,
  action,
}: {
  kind: string;
  id: string;
  canApprove: boolean;
  /** The decision is about an edit of a published listing. */
  isRevision: boolean;
  checks: CheckItem[];
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("moderation");
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const { formRef, reasonRef, reason, editReason, confirm, cancel, missingReason, state, pending, ask, send } =
    useConfirmedDecision(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`done_${state.message}`)}</Alert>;

  const reasonError = missingReason ? t("errors.reason_required") : state.ok ? undefined : state.fieldErrors.reason;
  const reasons = REJECTION_REASONS.map((key) => ({ key, text: t(`reasons.items.${key}`) }));
  // A reason is ticked while its line is in the text: rewording it unticks it.
  const chosen = reasons.filter((r) => reason.split("\n").some((line) => line.trim() === r.text));
  const chosenKeys = new Set(chosen.map((r) => r.key));
  const unchecked = checks.filter((c) => !checked.has(c.key));

  return (
    <form ref={formRef} className="space-y-6" onSubmit={(e) => e.preventDefault()}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}

      <ReviewChecklist
        items={checks}
        checked={checked}
        onToggle={(key, on) =>
          setChecked((prev) => {
            const next = new Set(prev);
            if (on) next.add(key);
            else next.delete(key);
            return next;
          })
        }
      />

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t("reasons.title")}</legend>
        <p className="text-sm text-muted">{t("reasons.lead")}</p>
        <ul className="space-y-1.5">
          {reasons.map((r) => (
            <li key={r.key}>
              <label className="inline-flex cursor-pointer items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  className="mt-0.5 size-4 shrink-0 accent-brand-700"
                  checked={chosenKeys.has(r.key)}
                  onChange={(e) => {
                    // Read now: the event's target is gone by the time React runs the updater.
                    const on = e.currentTarget.checked;
                    editReason((text) => toggleReason(text, r.text, on));
                  }}
                />
                <span>{r.text}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <Field id="reason" label={t("reason")} hint={t("reasonHint")} error={reasonError}>
        {(aria) => (
          <Textarea
            {...aria}
            ref={reasonRef}
            name="reason"
            rows={4}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              editReason(e.currentTarget.value);
            }}
          />
        )}
      </Field>

      <div className="flex flex-wrap gap-2">
        {canApprove && (
          <Button type="button" pending={pending && confirm === "approve"} onClick={() => ask("approve")}>
            {t("approve")}
          </Button>
        )}
        <Button type="button" variant="danger" pending={pending && confirm === "reject"} onClick={() => ask("reject")}>
          {t("reject")}
        </Button>
      </div>

      <ConfirmDialog
        open={confirm !== null}
        title={t(confirm === "reject" ? "confirm.rejectTitle" : "confirm.approveTitle")}
        confirmLabel={t(confirm === "reject" ? "confirm.reject" : "confirm.approve")}
        cancelLabel={t("confirm.cancel")}
        variant={confirm === "reject" ? "danger" : "primary"}
        pending={pending}
        onConfirm={send}
        onCancel={cancel}
      >
        {confirm === "reject" ? (
          <>
            <p>{t("confirm.rejectText")}</p>
            <blockquote className="rounded-md border-l-4 border-border-strong bg-surface-muted px-3 py-2 whitespace-pre-line">
              {reason}
            </blockquote>
          </>
        ) : (
          <>
            <p>{t(isRevision ? "confirm.approveRevisionText" : "confirm.approveText")}</p>
            {chosen.length > 0 && <Alert tone="warning">{t("confirm.reasonsChosen")}</Alert>}
            {reason.trim() !== "" && (
              <div>
                <p className="font-medium">{t("confirm.note")}</p>
                <p className="whitespace-pre-line text-muted">{reason}</p>
              </div>
            )}
          </>
        )}
        <p className="font-medium" data-testid="confirm-checklist">
          {t("checklist.progress", { done: checks.length - unchecked.length, total: checks.length })}
        </p>
        {unchecked.length > 0 && (
          <div>
            <p>{t("confirm.unchecked", { count: unchecked.length })}</p>
            <ul className="list-disc ps-5 text-muted">
              {unchecked.map((c) => (
                <li key={c.key}>{t(`checklist.items.${c.key}`)}</li>
              ))}
            </ul>
          </div>
        )}
      </ConfirmDialog>
    </form>
  );
}
