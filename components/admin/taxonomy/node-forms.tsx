"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** Adds a field (no parent) or a sector under one of the active fields. */
export function CreateNodeForm({
  action,
  fields,
}: {
  action: Action;
  fields: readonly { code: string; name: string }[];
}) {
  const t = useTranslations("adminTools.taxonomy");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
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
      <Field id="node-parent" label={t("new.parent")} error={errors.parentCode}>
        {(aria) => (
          <Select {...aria} name="parentCode" defaultValue="">
            <option value="">{t("new.parentNone")}</option>
            {fields.map((f) => (
              <option key={f.code} value={f.code}>
                {f.code}. {f.name}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="node-code" label={t("code")} hint={t("new.codeHint")} error={errors.code} required>
        {(aria) => <Input {...aria} name="code" inputMode="numeric" maxLength={3} autoComplete="off" />}
      </Field>
      <Field id="node-name-vi" label={t("nameVi")} error={errors.nameVi} required>
        {(aria) => <Input {...aria} name="nameVi" maxLength={200} lang="vi" />}
      </Field>
      <Field id="node-name-en" label={t("nameEn")} error={errors.nameEn} required>
        {(aria) => <Input {...aria} name="nameEn" maxLength={200} lang="en" />}
      </Field>
      <div className="md:col-span-2">
        <Button type="submit" pending={pending}>
          {t("new.submit")}
        </Button>
      </div>
    </form>
  );
}

/** Renames a node in both languages. */
export function RenameNodeForm({
  action,
  code,
  nameVi,
  nameEn,
}: {
  action: Action;
  code: string;
  nameVi: string;
  nameEn: string;
}) {
  const t = useTranslations("adminTools.taxonomy");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  return (
    <form noValidate onSubmit={onSubmit()} className="space-y-3">
      <input type="hidden" name="code" value={code} />
      {state.ok && state.message && (
        <p role="status" className="text-sm font-medium text-success-800">
          {t(`done.${state.message}`)}
        </p>
      )}
      {formError && <Alert tone="danger">{formError}</Alert>}
      <Field id={`rename-${code}-vi`} label={t("nameVi")} error={errors.nameVi} required>
        {(aria) => <Input {...aria} name="nameVi" maxLength={200} defaultValue={nameVi} lang="vi" />}
      </Field>
      <Field id={`rename-${code}-en`} label={t("nameEn")} error={errors.nameEn} required>
        {(aria) => <Input {...aria} name="nameEn" maxLength={200} defaultValue={nameEn} lang="en" />}
      </Field>
      <Button type="submit" size="sm" pending={pending}>
        {t("rename.submit")}
      </Button>
    </form>
  );
}
