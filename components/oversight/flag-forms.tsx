"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** An officer flags the record shown for the operator's review, with a note. */
export function RaiseFlagForm({
  entityType,
  entityId,
  action,
}: {
  entityType: string;
  entityId: string;
  action: Action;
}) {
  const t = useTranslations("oversight.flags");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t("raised")}</Alert>;
  return (
    <form noValidate className="space-y-2" onSubmit={onSubmit()}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" name="entityType" value={entityType} />
      <input type="hidden" name="entityId" value={entityId} />
      <Field id={`flag-note-${entityId}`} label={t("note")} error={errors.note} required>
        {(aria) => <Textarea {...aria} name="note" rows={3} maxLength={4_000} />}
      </Field>
      <Button type="submit" variant="secondary" pending={pending}>
        {t("raise")}
      </Button>
    </form>
  );
}

/** The operator's answer to a flag. */
export function AnswerFlagForm({ id, action }: { id: string; action: Action }) {
  const t = useTranslations("oversight.flags");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t("answered")}</Alert>;
  return (
    <form noValidate className="space-y-2" onSubmit={onSubmit()}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <Field id={`flag-answer-${id}`} label={t("answerLabel")} error={errors.answer} required>
        {(aria) => <Textarea {...aria} name="answer" rows={3} maxLength={4_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("answer")}
      </Button>
    </form>
  );
}

/** The officer closes a flag (after a confirmation) or sends it back to the operator. */
export function FlagStepButton({ step, action }: { step: "close" | "reopen"; action: Action }) {
  const t = useTranslations("oversight.flags");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.message) return <span className="text-sm text-success-700">{t(state.message)}</span>;
  return (
    <form onSubmit={onSubmit(step === "close" ? t("confirmClose") : undefined)} className="inline">
      {formError && <span className="text-sm text-danger-700">{formError} </span>}
      <Button type="submit" size="sm" variant={step === "close" ? "secondary" : "ghost"} pending={pending}>
        {t(step)}
      </Button>
    </form>
  );
}
