"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

export interface EntryValues {
  id: string;
  updatedAt: string;
  category: string;
  name: string;
  sectorCodes: string[];
  keywords: string[];
  source: string | null;
}

/** Adds a screening list entry, or edits one (`entry` given: its id and the version it was opened on). */
export function ScreeningEntryForm({
  action,
  categories,
  entry,
}: {
  action: Action;
  categories: readonly string[];
  entry?: EntryValues;
}) {
  const t = useTranslations("adminTools.screening");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  const id = (field: string) => `entry-${entry?.id ?? "new"}-${field}`;
  return (
    <form noValidate onSubmit={onSubmit()} className="grid gap-4 md:grid-cols-2">
      {entry && <input type="hidden" name="id" value={entry.id} />}
      {entry && <input type="hidden" name="updatedAt" value={entry.updatedAt} />}
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
      <Field id={id("category")} label={t("fields.category")} error={errors.category} required>
        {(aria) => (
          <Select {...aria} name="category" defaultValue={entry?.category ?? ""}>
            <option value="" disabled>
              {t("fields.choose")}
            </option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {t(`categories.${c}`)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id={id("name")} label={t("fields.name")} error={errors.name} required>
        {(aria) => <Input {...aria} name="name" maxLength={300} defaultValue={entry?.name} />}
      </Field>
      <Field
        id={id("keywords")}
        label={t("fields.keywords")}
        hint={t("fields.keywordsHint")}
        error={errors.keywords}
        required
      >
        {(aria) => <Textarea {...aria} name="keywords" rows={3} defaultValue={entry?.keywords.join(", ")} />}
      </Field>
      <Field
        id={id("sectors")}
        label={t("fields.sectorCodes")}
        hint={t("fields.sectorHint")}
        error={errors.sectorCodes}
      >
        {(aria) => (
          <Input {...aria} name="sectorCodes" inputMode="numeric" defaultValue={entry?.sectorCodes.join(", ")} />
        )}
      </Field>
      <Field id={id("source")} label={t("fields.source")} hint={t("fields.sourceHint")} error={errors.source}>
        {(aria) => <Input {...aria} name="source" maxLength={300} defaultValue={entry?.source ?? ""} />}
      </Field>
      <div className="md:col-span-2">
        <Button type="submit" pending={pending}>
          {entry ? t("edit.submit") : t("new.submit")}
        </Button>
      </div>
    </form>
  );
}
