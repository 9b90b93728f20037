"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import {
  IP_STATUSES,
  PRICE_TYPES,
  TRANSFER_FORMS,
  TRANSFER_METHODS,
  TRANSFER_OBJECTS,
} from "@/lib/listings/offer-schema";
import { CheckboxGroup, SelectField, TextAreaField, TextField } from "./fields";
import { FormShell } from "./form-shell";

export interface Option {
  value: string;
  label: string;
  group?: string;
}

/** Initial values as strings (what the inputs hold), arrays for checkbox groups. */
export type OfferFormValues = Partial<Record<string, string>> & {
  transferObjects?: string[];
  transferForms?: string[];
  transferMethods?: string[];
};

export function OfferForm({
  action,
  values = {},
  sectors,
  locations,
  submitLabel,
}: {
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  values?: OfferFormValues;
  sectors: Option[];
  locations: Option[];
  submitLabel: string;
}) {
  const t = useTranslations("offerForm");
  const te = useTranslations("enums");
  const [priceType, setPriceType] = useState(values.priceType ?? "NEGOTIABLE");
  const [stateFunded, setStateFunded] = useState(values.stateFunded === "true");
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
              <legend className="text-lg font-semibold">{t("sectionDescription")}</legend>
              <TextField {...bind("titleVi", true)} maxLength={200} />
              <TextField {...bind("titleEn")} hint={t("optionalEnglish")} maxLength={200} />
              <TextAreaField {...bind("summaryVi", true)} rows={3} maxLength={1000} hint={t("summaryHint")} />
              <TextAreaField {...bind("summaryEn")} rows={3} maxLength={1000} hint={t("optionalEnglish")} />
              <TextAreaField {...bind("description", true)} rows={10} maxLength={20000} hint={t("descriptionHint")} />
              <div className="grid gap-4 md:grid-cols-2">
                <SelectField {...bind("sectorCode", true)} options={sectors} placeholder={t("choose")} />
                <TextField {...bind("keywords", true)} hint={t("keywordsHint")} />
              </div>
              <TextAreaField {...bind("applicationAreas")} rows={3} maxLength={5000} />
              <TextAreaField {...bind("advantages")} rows={3} maxLength={5000} hint={t("advantagesHint")} />
            </fieldset>

            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionMaturity")}</legend>
              <SelectField
                {...bind("trl", true)}
                hint={t("trlHint")}
                options={Array.from({ length: 9 }, (_, i) => ({
                  value: String(i + 1),
                  label: te("trlLevel", { level: i + 1, label: te(`trl.${i + 1}`) }),
                }))}
                placeholder={t("choose")}
              />
              <div className="grid gap-4 md:grid-cols-2">
                <SelectField
                  {...bind("ipStatus", true)}
                  options={IP_STATUSES.map((s) => ({ value: s, label: te(`ipStatus.${s}`) }))}
                  placeholder={t("choose")}
                />
                <TextField {...bind("ipTitleNumber")} hint={t("ipTitleNumberHint")} maxLength={60} />
              </div>
            </fieldset>

            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionTransfer")}</legend>
              <CheckboxGroup
                name="transferObjects"
                legend={t("transferObjects")}
                required
                error={err("transferObjects")}
                selected={values.transferObjects}
                options={TRANSFER_OBJECTS.map((o) => ({ value: o, label: te(`transferObject.${o}`) }))}
              />
              <CheckboxGroup
                name="transferForms"
                legend={t("transferForms")}
                required
                error={err("transferForms")}
                selected={values.transferForms}
                options={TRANSFER_FORMS.map((o) => ({ value: o, label: te(`transferForm.${o}`) }))}
              />
              <CheckboxGroup
                name="transferMethods"
                legend={t("transferMethods")}
                required
                error={err("transferMethods")}
                selected={values.transferMethods}
                options={TRANSFER_METHODS.map((o) => ({ value: o, label: te(`transferMethod.${o}`) }))}
              />
            </fieldset>

            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionPrice")}</legend>
              <div role="radiogroup" aria-label={t("priceType")} className="flex flex-wrap gap-4">
                {PRICE_TYPES.map((p) => (
                  <label key={p} className="flex items-center gap-2 text-sm">
                    <input
                      type="radio"
                      name="priceType"
                      value={p}
                      checked={priceType === p}
                      onChange={() => setPriceType(p)}
                    />
                    {te(`priceType.${p}`)}
                  </label>
                ))}
              </div>
              {priceType !== "NEGOTIABLE" && (
                <div className="grid gap-4 md:grid-cols-2">
                  <TextField
                    {...bind("priceMin", true)}
                    label={priceType === "FIXED" ? t("priceFixed") : t("priceMin")}
                    inputMode="numeric"
                    hint={t("vndHint")}
                  />
                  {priceType === "RANGE" && (
                    <TextField {...bind("priceMax", true)} inputMode="numeric" hint={t("vndHint")} />
                  )}
                </div>
              )}
            </fieldset>

            <fieldset className="space-y-4">
              <legend className="text-lg font-semibold">{t("sectionOrigin")}</legend>
              <SelectField {...bind("location", true)} options={locations} placeholder={t("choose")} />
              <label className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  name="stateFunded"
                  checked={stateFunded}
                  onChange={(e) => setStateFunded(e.target.checked)}
                />
                {t("stateFunded")}
              </label>
              {stateFunded && (
                <TextField {...bind("fundingProgramme", true)} maxLength={300} hint={t("fundingProgrammeHint")} />
              )}
            </fieldset>
          </>
        );
      }}
    </FormShell>
  );
}
