"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";
import { TRANSFER_FORMS } from "@/lib/listings/offer-schema";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "./fields";
import { FormShell } from "./form-shell";
import type { Option } from "./offer-form";

export type DemandFormValues = Partial<Record<string, string>> & { preferredForms?: string[] };

export function DemandForm({
  action,
  values = {},
  sectors,
  locations,
  submitLabel,
}: {
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  values?: DemandFormValues;
  sectors: Option[];
  locations: Option[];
  submitLabel: string;
}) {
  const t = useTranslations("demandForm");
  const te = useTranslations("enums");
  const v = (name: string) => values[name] as string | undefined;
  return (
    <FormShell action={action} submitLabel={submitLabel}>
      {(err) => {
        const bind = (name: string, required = false) => ({
          name,
          label: t(name),
          error: err(name),
          required,
          defaultValue: v(name),
        });
        return (
          <>
            <input type="hidden" name="version" value={v("version") ?? ""} />
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionNeed")}</legend>
              <TextField {...bind("titleVi", true)} maxLength={200} />
              <TextField {...bind("titleEn")} hint={t("optionalEnglish")} maxLength={200} />
              <TextAreaField {...bind("summaryVi")} rows={3} maxLength={1000} />
              <TextAreaField {...bind("summaryEn")} rows={3} maxLength={1000} hint={t("optionalEnglish")} />
              <TextAreaField {...bind("description", true)} rows={8} maxLength={20000} hint={t("descriptionHint")} />
              <div className="grid gap-4 md:grid-cols-2">
                <SelectField {...bind("sectorCode", true)} options={sectors} placeholder={t("choose")} />
                <TextField {...bind("keywords", true)} hint={t("keywordsHint")} />
              </div>
            </fieldset>
            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionConditions")}</legend>
              <SelectField
                {...bind("trlMin", true)}
                options={Array.from({ length: 9 }, (_, i) => ({
                  value: String(i + 1),
                  label: te("trlLevel", { level: i + 1, label: te(`trl.${i + 1}`) }),
                }))}
                placeholder={t("choose")}
              />
              <div className="grid gap-4 md:grid-cols-3">
                <TextField {...bind("budgetMin")} inputMode="numeric" hint={t("vndHint")} />
                <TextField {...bind("budgetMax")} inputMode="numeric" hint={t("vndHint")} />
                <TextField {...bind("deadline")} type="date" />
              </div>
              <SelectField {...bind("location", true)} options={locations} placeholder={t("choose")} />
              <CheckboxGroup
                name="preferredForms"
                legend={t("preferredForms")}
                required
                error={err("preferredForms")}
                selected={values.preferredForms}
                options={TRANSFER_FORMS.map((o) => ({ value: o, label: te(`transferForm.${o}`) }))}
              />
              <label className="flex items-start gap-2 text-sm">
                <input
                  type="checkbox"
                  name="confidential"
                  defaultChecked={values.confidential === "true"}
                  className="mt-1"
                />
                <span>
                  {t("confidential")}
                  <span className="block text-xs text-muted">{t("confidentialHint")}</span>
                </span>
              </label>
            </fieldset>
          </>
        );
      }}
    </FormShell>
  );
}
