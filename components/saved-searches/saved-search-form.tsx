"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

/**
 * A new saved search from /account/saved-searches: which catalog, keywords, a field. `sectorOptions`
 * are the field select's options (server-rendered); `action` saves (the route's server action).
 */
export function SavedSearchForm({
  action,
  sectorOptions,
  defaultKind,
  full,
}: {
  action: (prev: ActionResult, data: FormData) => Promise<ActionResult>;
  sectorOptions: React.ReactNode;
  defaultKind: "offers" | "demands";
  /** The user has saved as many searches as allowed: the form explains instead of failing. */
  full: string | null;
}) {
  const t = useTranslations("account.savedSearches.new");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  const form = useRef<HTMLFormElement>(null);
  // Saved: the form is ready for the next search (on an error, what was typed stays).
  useEffect(() => {
    if (state.ok && state.message) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit()} noValidate className="space-y-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      {state.ok && state.message && <Alert tone="success">{t(state.message === "saved" ? "saved" : "already")}</Alert>}
      {full && <Alert tone="warning">{full}</Alert>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("kind")}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {(["offers", "demands"] as const).map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input type="radio" name="kind" value={kind} defaultChecked={kind === defaultKind} />
              {t(kind === "offers" ? "kindOffers" : "kindDemands")}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id="saved-search-q" label={t("q")} hint={t("qHint")} error={errors.q}>
          {(aria) => <Input {...aria} name="q" maxLength={200} />}
        </Field>
        <Field id="saved-search-sector" label={t("sector")} error={errors.sector}>
          {(aria) => (
            <Select {...aria} name="sector" defaultValue="">
              <option value="">{t("anySector")}</option>
              {sectorOptions}
            </Select>
          )}
        </Field>
        <Field id="saved-search-label" label={t("label")} hint={t("labelHint")} error={errors.label}>
          {(aria) => <Input {...aria} name="label" maxLength={200} />}
        </Field>
      </div>
      <Button type="submit" pending={pending} disabled={full !== null}>
        {t("submit")}
      </Button>
    </form>
  );
}
