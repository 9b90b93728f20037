"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

/** Approve, or reject with a reason (required) that the owner will read. `action` is the moderation route's server action. */
export function DecisionForm({
  kind,
  id,
  canApprove,
  action,
}: {
  kind: string;
  id: string;
  canApprove: boolean;
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("moderation");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  if (state.ok && state.message) return <Alert tone="success">{t(`done_${state.message}`)}</Alert>;
  const reasonError = state.ok ? undefined : state.fieldErrors.reason;
  const submit = (decision: "approve" | "reject") => (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!form) return;
    const data = new FormData(form);
    data.set("decision", decision);
    if (decision === "reject" && !window.confirm(t("confirmReject"))) return;
    startTransition(() => dispatch(data));
  };
  return (
    <form className="space-y-4" onSubmit={(e) => e.preventDefault()}>
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id="reason" label={t("reason")} hint={t("reasonHint")} error={reasonError}>
        {(aria) => <Textarea {...aria} name="reason" rows={3} maxLength={2000} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        {canApprove && (
          <Button type="button" pending={pending} onClick={submit("approve")}>
            {t("approve")}
          </Button>
        )}
        <Button type="button" variant="danger" pending={pending} onClick={submit("reject")}>
          {t("reject")}
        </Button>
      </div>
    </form>
  );
}
