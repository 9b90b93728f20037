"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import { ConfirmDialog } from "./confirm-dialog";
import { useConfirmedDecision } from "./use-confirmed-decision";

/**
 * The operator's decision on an organization: verify or reject its verification, or (`kind`
 * "legal") accept or discard a verified organization's pending change of legal fields. Each is
 * confirmed in a dialog before anything is sent, as a listing decision is (./decision-form.tsx); a
 * rejection needs its reason first. `action` is the organizations queue's server action, passed in
 * by the page; `name` names the organization in the confirmation.
 */
export function VerificationDecision({
  id,
  kind = "verification",
  name,
  action,
}: {
  id: string;
  kind?: "verification" | "legal";
  name?: string;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("moderation");
  const tm = useTranslations("membership.admin");
  const { formRef, reasonRef, reason, editReason, confirm, cancel, missingReason, state, pending, ask, send } =
    useConfirmedDecision(action);
  const reasonError = missingReason ? t("errors.reason_required") : state.ok ? undefined : state.fieldErrors.reason;
  // The dialog's words: verification.approve / .reject, legal.approve / .reject.
  const words = `verificationConfirm.${kind}.${confirm ?? "approve"}`;
  return (
    <form ref={formRef} className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value={kind} />
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id={`reason-${kind}-${id}`} label={t("reason")} error={reasonError}>
        {(aria) => (
          <Textarea
            {...aria}
            ref={reasonRef}
            name="reason"
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => {
              editReason(e.currentTarget.value);
            }}
          />
        )}
      </Field>
      <div className="flex gap-2">
        <Button type="button" size="sm" pending={pending && confirm === "approve"} onClick={() => ask("approve")}>
          {kind === "legal" ? tm("accept") : t("verify")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="danger"
          pending={pending && confirm === "reject"}
          onClick={() => ask("reject")}
        >
          {kind === "legal" ? tm("discard") : t("reject")}
        </Button>
      </div>
      <ConfirmDialog
        open={confirm !== null}
        title={t(`${words}.title`)}
        confirmLabel={t(`${words}.confirm`)}
        cancelLabel={t("confirm.cancel")}
        variant={confirm === "reject" ? "danger" : "primary"}
        pending={pending}
        onConfirm={send}
        onCancel={cancel}
      >
        {name && <p className="font-medium">{name}</p>}
        <p>{t(`${words}.text`)}</p>
        {confirm === "approve" && reason.trim() !== "" && <p className="font-medium">{t("confirm.note")}</p>}
        {reason.trim() !== "" && (
          <blockquote className="rounded-md border-l-4 border-border-strong bg-surface-muted px-3 py-2 whitespace-pre-line">
            {reason}
          </blockquote>
        )}
      </ConfirmDialog>
    </form>
  );
}
