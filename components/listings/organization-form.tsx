"use client";

import { useTranslations } from "next-intl";
import { updateOrganizationAction } from "@/app/[locale]/(account)/account/organization/actions";
import { SelectField, TextAreaField, TextField } from "./fields";
import { FormShell } from "./form-shell";
import type { Option } from "./offer-form";

export function OrganizationForm({ values, locations }: { values: Partial<Record<string, string>>; locations: Option[] }) {
  const t = useTranslations("workspace.org");
  const tw = useTranslations("workspace");
  return (
    <FormShell action={updateOrganizationAction} submitLabel={tw("save")}>
      {(err) => {
        const bind = (name: string, required = false) => ({ name, label: t(name), error: err(name), required, defaultValue: values[name] });
        return (
          <div className="grid gap-4 md:grid-cols-2">
            <TextField {...bind("name", true)} maxLength={200} />
            <TextField {...bind("nameEn")} maxLength={200} />
            <TextField {...bind("taxCode")} hint={t("taxCodeHint")} inputMode="numeric" />
            <TextField {...bind("establishmentDecision")} hint={t("establishmentDecisionHint")} maxLength={120} />
            <TextField {...bind("address")} maxLength={300} />
            <SelectField {...bind("location", true)} options={locations} placeholder={tw("choose")} />
            <TextField {...bind("website")} type="url" maxLength={300} />
            <div className="md:col-span-2"><TextAreaField {...bind("description")} rows={4} maxLength={5000} /></div>
            <div className="md:col-span-2"><TextAreaField {...bind("descriptionEn")} rows={4} maxLength={5000} /></div>
          </div>
        );
      }}
    </FormShell>
  );
}
