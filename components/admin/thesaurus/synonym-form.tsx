"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";
import { DEFAULT_WEIGHT, MAX_WEIGHT, MIN_WEIGHT, SYNONYM_KINDS } from "@/lib/search/thesaurus-schemas";
import { useReportedAction } from "./outcome";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

export interface FieldChoice {
  code: string;
  name: string;
}

export interface SynonymValues {
  kind: string;
  terms: string[];
  weight: number;
  fieldCode: string | null;
  note: string | null;
}

const NS = "searchInsights.thesaurus";

/** The fields of an entry, shared by the create and edit forms. */
function SynonymFields({
  idPrefix,
  values,
  fields,
  errors,
}: {
  idPrefix: string;
  values: Partial<SynonymValues> | null;
  fields: readonly FieldChoice[];
  errors: Record<string, string[]>;
}) {
  const t = useTranslations(NS);
  const id = (name: string) => `${idPrefix}-${name}`;
  return (
    <>
      <Field id={id("kind")} label={t("fields.kind")} hint={t("fields.kindHint")} error={errors.kind} required>
        {(aria) => (
          <Select {...aria} name="kind" defaultValue={values?.kind ?? "SYNONYM"}>
            {SYNONYM_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id("terms")} label={t("fields.terms")} hint={t("fields.termsHint")} error={errors.terms} required>
        {(aria) => (
          <Textarea {...aria} name="terms" rows={4} lang="vi" defaultValue={values?.terms?.join("\n") ?? ""} />
        )}
      </Field>
      <Field id={id("weight")} label={t("fields.weight")} hint={t("fields.weightHint")} error={errors.weight} required>
        {(aria) => (
          <Input
            {...aria}
            name="weight"
            type="number"
            inputMode="decimal"
            step="0.05"
            min={MIN_WEIGHT}
            max={MAX_WEIGHT}
            defaultValue={values?.weight ?? DEFAULT_WEIGHT}
          />
        )}
      </Field>
      <Field id={id("field")} label={t("fields.field")} hint={t("fields.fieldHint")} error={errors.fieldCode}>
        {(aria) => (
          <Select {...aria} name="fieldCode" defaultValue={values?.fieldCode ?? ""}>
            <option value="">{t("fields.anyField")}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {f.code}. {f.name}
              </option>
            ))}
            {/* A field deactivated since: shown as it is, so saving does not silently drop it. */}
            {values?.fieldCode && !fields.some((f) => f.code === values.fieldCode) && (
              <option value={values.fieldCode}>{values.fieldCode}</option>
            )}
          </Select>
        )}
      </Field>
      <Field id={id("note")} label={t("fields.note")} error={errors.note} className="md:col-span-2">
        {(aria) => <Input {...aria} name="note" maxLength={300} defaultValue={values?.note ?? ""} />}
      </Field>
    </>
  );
}

/**
 * Adds an entry. `prefill` comes from a zero-result search (`?add=…&miss=…`): its text in the terms
 * and its key in a hidden field, so creating the entry marks the search handled. After a success the
 * fields start empty again (the prefill is used once); the confirmation stays in view.
 */
export function CreateSynonymForm({
  action,
  fields,
  prefill,
}: {
  action: Action;
  fields: readonly FieldChoice[];
  prefill: { terms: string; miss: string | null } | null;
}) {
  const t = useTranslations(NS);
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  // A new round of empty fields after each success (React's "state from the previous render" pattern).
  const [seen, setSeen] = useState(state);
  const [round, setRound] = useState(0);
  if (seen !== state) {
    setSeen(state);
    if (state.ok && state.message) setRound(round + 1);
  }
  const initial = round === 0 ? prefill : null;
  return (
    <form noValidate onSubmit={onSubmit()} className="grid gap-4 md:grid-cols-2">
      {state.ok && state.message && (
        <Alert tone="success" className="md:col-span-2">
          {t(`done.${state.message}`)}
        </Alert>
      )}
      {formError && (
        <Alert tone="danger" className="md:col-span-2">
          {formError}
        </Alert>
      )}
      <div key={round} className="contents">
        {initial?.miss && <input type="hidden" name="miss" value={initial.miss} />}
        <SynonymFields
          idPrefix="synonym-new"
          values={initial ? { terms: [initial.terms] } : null}
          fields={fields}
          errors={errors}
        />
      </div>
      <div className="md:col-span-2">
        <Button type="submit" pending={pending}>
          {t("new.submit")}
        </Button>
      </div>
    </form>
  );
}

/**
 * Edits an entry inline. The form carries the version it was opened on; the outcome is shown in the
 * list's OutcomeRegion (an edit may take the row out of the filtered list).
 */
export function EditSynonymForm({
  action,
  fields,
  entry,
  done,
}: {
  action: Action;
  fields: readonly FieldChoice[];
  entry: SynonymValues & { id: string; updatedAt: string };
  done: string;
}) {
  const t = useTranslations(NS);
  const { pending, onSubmit, errors, formError } = useReportedAction(action, () => done);
  return (
    <form noValidate onSubmit={onSubmit()} className="grid gap-4 md:grid-cols-2">
      <input type="hidden" name="id" value={entry.id} />
      <input type="hidden" name="updatedAt" value={entry.updatedAt} />
      {formError && (
        <Alert tone="danger" className="md:col-span-2">
          {formError}
        </Alert>
      )}
      {/* Re-mounted on each saved version, so the fields show the entry as stored (normalized). */}
      <div key={entry.updatedAt} className="contents">
        <SynonymFields idPrefix={`synonym-${entry.id}`} values={entry} fields={fields} errors={errors} />
      </div>
      <div className="md:col-span-2">
        <Button type="submit" size="sm" pending={pending}>
          {t("edit.submit")}
        </Button>
      </div>
    </form>
  );
}
