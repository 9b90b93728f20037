"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

export interface EoiFormProps {
  kind: "interest" | "proposal";
  /** The offer asked about (interest); for a proposal, the provider's offers to choose from. */
  offerId?: string;
  offers?: readonly { id: string; title: string }[];
  demandId?: string;
  matchId?: string;
  /** The server action (app/[locale]/(account)/account/deals/actions.ts), passed in by the page. */
  action: Action;
}

/**
 * The expression of interest (or proposal) form: a message, the intended use, optionally a budget
 * and a timeline. Submitted through a transition so every typed value stays on an error; on success
 * the action opens the deal.
 */
export function EoiForm({ kind, offerId, offers = [], demandId, matchId, action }: EoiFormProps) {
  const t = useTranslations("deals.new");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form
      noValidate
      className="space-y-5"
      action={dispatch}
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <input type="hidden" name="kind" value={kind} />
      {demandId && <input type="hidden" name="demandId" value={demandId} />}
      {matchId && <input type="hidden" name="matchId" value={matchId} />}
      {kind === "interest" ? (
        <input type="hidden" name="offerId" value={offerId} />
      ) : (
        <Field id="eoi-offer" label={t("offer")} hint={t("offerHint")} error={errors.offerId} required>
          {(aria) => (
            <Select {...aria} name="offerId" defaultValue={offerId ?? ""}>
              <option value="">{t("chooseOffer")}</option>
              {offers.map((offer) => (
                <option key={offer.id} value={offer.id}>
                  {offer.title}
                </option>
              ))}
            </Select>
          )}
        </Field>
      )}
      <Field id="eoi-message" label={t("message")} hint={t("messageHint")} error={errors.message} required>
        {(aria) => <Textarea {...aria} name="message" rows={6} maxLength={10_000} />}
      </Field>
      <Field id="eoi-use" label={t("intendedUse")} hint={t("intendedUseHint")} error={errors.intendedUse} required>
        {(aria) => <Textarea {...aria} name="intendedUse" rows={3} maxLength={2_000} />}
      </Field>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="eoi-budget" label={t("budget")} hint={t("budgetHint")} error={errors.budget}>
          {(aria) => <Input {...aria} name="budget" inputMode="numeric" maxLength={30} autoComplete="off" />}
        </Field>
        <Field id="eoi-timeline" label={t("timeline")} hint={t("timelineHint")} error={errors.timeline}>
          {(aria) => <Input {...aria} name="timeline" maxLength={200} />}
        </Field>
      </div>
      <p className="text-sm text-muted">{t("privacy")}</p>
      <Button type="submit" pending={pending}>
        {kind === "interest" ? t("submitInterest") : t("submitProposal")}
      </Button>
    </form>
  );
}
