"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * Taking an express licence (issue #12 item 4): the standard terms are shown above this form;
 * accepting them is the seeker's confirmation of the contract, after a last question.
 */
export function ExpressLicenceForm({ offerId, price, action }: { offerId: string; price: string; action: Action }) {
  const t = useTranslations("deals.express");
  const { pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form noValidate className="space-y-4" onSubmit={onSubmit(t("confirmQuestion", { price }))}>
      {formError && <Alert tone="danger">{formError}</Alert>}
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
