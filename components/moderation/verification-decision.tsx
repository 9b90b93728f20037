"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

/**
 * `kind` "legal": accept or discard a verified organization's pending change of legal fields.
 * `action` is the organizations queue's server action, passed in by the page.
 */
export function VerificationDecision({
  id,
  kind = "verification",
  action,
}: {
  id: string;
  kind?: "verification" | "legal";
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
}) {
  const t = useTranslations("moderation");
  const tm = useTranslations("membership.admin");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  if (state.ok && state.message) {
    return (
      <Alert tone="success">
        {kind === "legal"
          ? tm(state.message === "verified" ? "done_accepted" : "done_rejected")
          : t(`done_${state.message}`)}
      </Alert>
    );
  }
  const reasonError = state.ok ? undefined : state.fieldErrors.reason;
  const submit = (decision: "approve" | "reject") => (event: React.MouseEvent<HTMLButtonElement>) => {
    const form = event.currentTarget.form;
    if (!form) return;
    const data = new FormData(form);
    data.set("decision", decision);
    startTransition(() => dispatch(data));
  };
  return (
    <form className="space-y-3" onSubmit={(e) => e.preventDefault()}>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="kind" value={kind} />
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id={`reason-${kind}-${id}`} label={t("reason")} error={reasonError}>
        {(aria) => <Textarea {...aria} name="reason" rows={2} maxLength={2000} />}
      </Field>
      <div className="flex gap-2">
        <Button type="button" size="sm" pending={pending} onClick={submit("approve")}>
          {kind === "legal" ? tm("accept") : t("verify")}
        </Button>
        <Button type="button" size="sm" variant="danger" pending={pending} onClick={submit("reject")}>
          {kind === "legal" ? tm("discard") : t("reject")}
        </Button>
      </div>
    </form>
  );
}
