"use client";

import { useTranslations } from "next-intl";
import type { ActionResult } from "@/lib/errors";
import { SelectField, TextAreaField, TextField } from "./fields";
import { FormShell } from "./form-shell";
import type { Option } from "./offer-form";

const LEGAL = ["name", "taxCode", "establishmentDecision", "type"] as const;

/**
 * The organization's profile. The legal fields are editable by its administrator only; members
 * see them read-only (and post them back unchanged, so the rest of the profile still saves).
 */
export function OrganizationForm({
  action,
  values,
  locations,
  canEditLegal,
  types,
}: {
  /** Saves the profile (the organization route's server action, passed in by the page). */
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  values: Partial<Record<string, string>>;
  locations: Option[];
  canEditLegal: boolean;
  /** Types an administrator may choose; empty keeps the current one (a state agency's). */
  types: Option[];
}) {
  const t = useTranslations("workspace.org");
  const tw = useTranslations("workspace");
  return (
    <FormShell action={action} submitLabel={tw("save")}>
      {(err) => {
        const bind = (name: string, required = false) => ({
          name,
          label: t(name),
          error: err(name),
          required,
          defaultValue: values[name],
        });
        return (
          <div className="grid gap-4 md:grid-cols-2">
            <p className="text-sm text-muted md:col-span-2">{t("legalHint")}</p>
            {canEditLegal ? (
              <>
                <TextField {...bind("name", true)} maxLength={200} />
                {types.length > 0 ? (
                  <SelectField {...bind("type", true)} options={types} placeholder={tw("choose")} />
                ) : (
                  <div />
                )}
                <TextField {...bind("taxCode")} hint={t("taxCodeHint")} inputMode="numeric" />
                <TextField {...bind("establishmentDecision")} hint={t("establishmentDecisionHint")} maxLength={120} />
              </>
            ) : (
              <dl className="grid grid-cols-[12rem_1fr] gap-1 text-sm md:col-span-2">
                {LEGAL.map((name) => (
                  <div key={name} className="contents">
                    <dt className="font-medium">{t(name)}</dt>
                    <dd>
                      {(name === "type" ? types.find((o) => o.value === values.type)?.label : values[name]) || "—"}
                      {name !== "type" && <input type="hidden" name={name} value={values[name] ?? ""} />}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            <TextField {...bind("nameEn")} maxLength={200} />
            <TextField {...bind("address")} maxLength={300} />
            <SelectField {...bind("location", true)} options={locations} placeholder={tw("choose")} />
            <TextField {...bind("website")} type="url" maxLength={300} />
            <div className="md:col-span-2">
              <TextAreaField {...bind("description")} rows={4} maxLength={5000} />
            </div>
            <div className="md:col-span-2">
              <TextAreaField {...bind("descriptionEn")} rows={4} maxLength={5000} />
            </div>
          </div>
        );
      }}
    </FormShell>
  );
}
