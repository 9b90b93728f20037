"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * Taking an express licence (issue #12 item 4): the standard terms are shown above this form;
 * accepting them is the seeker's confirmation of the contract, after a last question.
 */
export function ExpressLicenceForm({ offerId, price, action }: { offerId: string; price: string; action: Action }) {
  const t = useTranslations("deals.express");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!window.confirm(t("confirmQuestion", { price }))) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <input type="hidden" name="offerId" value={offerId} />
      <Field id="express-use" label={t("intendedUse")} hint={t("intendedUseHint")} error={errors.intendedUse} required>
        {(aria) => <Textarea {...aria} name="intendedUse" rows={3} maxLength={2_000} />}
      </Field>
      <Field id="express-message" label={t("message")} hint={t("messageHint")} error={errors.message}>
        {(aria) => <Textarea {...aria} name="message" rows={3} maxLength={10_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("accept", { price })}
      </Button>
    </form>
  );
}
