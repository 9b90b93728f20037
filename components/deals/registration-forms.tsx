"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** The registration application (Art. 31): who applies and how to reach them; the signed contract goes with it. */
export function RegistrationFileForm({
  defaults,
  action,
}: {
  defaults: { applicant: string; address: string; representative: string };
  action: Action;
}) {
  const t = useTranslations("deals.registration");
  const { state, pending, onSubmit, errors } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`done.${state.message}`)}</Alert>;
  return (
    <form noValidate className="space-y-3" onSubmit={onSubmit(t("confirmFile"))}>
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id="reg-applicant" label={t("applicant")} error={errors.applicant} required>
        {(aria) => <Input {...aria} name="applicant" defaultValue={defaults.applicant} maxLength={300} />}
      </Field>
      <Field id="reg-address" label={t("address")} error={errors.address} required>
        {(aria) => <Input {...aria} name="address" defaultValue={defaults.address} maxLength={300} />}
      </Field>
      <Field id="reg-representative" label={t("representative")} error={errors.representative} required>
        {(aria) => <Input {...aria} name="representative" defaultValue={defaults.representative} maxLength={120} />}
      </Field>
      <Field id="reg-contact" label={t("contact")} hint={t("contactHint")} error={errors.contact} required>
        {(aria) => <Input {...aria} name="contact" maxLength={200} />}
      </Field>
      <Field id="reg-note" label={t("note")} error={errors.note}>
        {(aria) => <Textarea {...aria} name="note" rows={2} maxLength={2_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("file")}
      </Button>
    </form>
  );
}

/** What the party adds when the Department asked for papers. */
export function RegistrationPapersForm({ action }: { action: Action }) {
  const t = useTranslations("deals.registration");
  const { state, pending, onSubmit, errors } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`done.${state.message}`)}</Alert>;
  return (
    <form noValidate className="space-y-3" onSubmit={onSubmit()}>
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id="reg-papers" label={t("papers")} hint={t("papersHint")} error={errors.note} required>
        {(aria) => <Textarea {...aria} name="note" rows={3} maxLength={2_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("addPapers")}
      </Button>
    </form>
  );
}

/** An officer's decision on one file: ask for papers, certify with a number, or refuse with a reason. */
export function RegistrationDecisionForm({ id, action }: { id: string; action: Action }) {
  const t = useTranslations("deals.registration");
  const { state, pending, onSubmit, errors } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`done.${state.message}`)}</Alert>;
  return (
    <div className="space-y-3">
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <form noValidate className="flex flex-wrap items-end gap-2" onSubmit={onSubmit()}>
        <input type="hidden" name="event" value="request_papers" />
        <Field id={`papers-${id}`} label={t("requestNote")} error={errors.note} className="min-w-64 flex-1">
          {(aria) => <Input {...aria} name="note" maxLength={2_000} />}
        </Field>
        <Button type="submit" size="sm" variant="secondary" pending={pending}>
          {t("requestPapers")}
        </Button>
      </form>
      <form noValidate className="flex flex-wrap items-end gap-2" onSubmit={onSubmit(t("confirmCertify"))}>
        <input type="hidden" name="event" value="certify" />
        <Field
          id={`certificate-${id}`}
          label={t("certificateNumber")}
          error={errors.certificateNumber}
          className="min-w-64 flex-1"
        >
          {(aria) => <Input {...aria} name="certificateNumber" maxLength={60} />}
        </Field>
        <Button type="submit" size="sm" pending={pending}>
          {t("certify")}
        </Button>
      </form>
      <form noValidate className="flex flex-wrap items-end gap-2" onSubmit={onSubmit(t("confirmRefuse"))}>
        <input type="hidden" name="event" value="refuse" />
        <Field id={`refuse-${id}`} label={t("refuseReason")} error={errors.reason} className="min-w-64 flex-1">
          {(aria) => <Input {...aria} name="reason" maxLength={2_000} />}
        </Field>
        <Button type="submit" size="sm" variant="danger" pending={pending}>
          {t("refuse")}
        </Button>
      </form>
    </div>
  );
}
