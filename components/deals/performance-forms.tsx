"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** "Đã hoàn thành" for the party responsible for a milestone, "Xác nhận" for the other party. */
export function MilestoneAction({
  milestoneId,
  step,
  title,
  action,
}: {
  milestoneId: string;
  step: "done" | "confirm";
  title: string;
  action: Action;
}) {
  const t = useTranslations("deals.performance");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  if (state.ok && state.message) return <span className="text-sm text-success-700">{t(`done.${state.message}`)}</span>;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        if (!window.confirm(t(step === "done" ? "confirmDone" : "confirmConfirm", { title }))) return;
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="step" value={step} />
      {!state.ok && state.formError && <p className="text-sm text-danger-700">{state.formError}</p>}
      <Button type="submit" size="sm" variant={step === "done" ? "secondary" : "primary"} pending={pending}>
        {t(step === "done" ? "markDone" : "confirm")}
        <span className="sr-only">{`: ${title}`}</span>
      </Button>
    </form>
  );
}

/** After completion: the party's rating of the other (1–5 stars and a comment). */
export function RatingForm({ action }: { action: Action }) {
  const t = useTranslations("deals.performance");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  if (state.ok && state.message) return <Alert tone="success">{t("done.rated")}</Alert>;
  const errors = state.ok ? {} : state.fieldErrors;
  return (
    <form
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <Field id="rating-stars" label={t("stars")} error={errors.stars} required>
        {(aria) => (
          <Select {...aria} name="stars" defaultValue="">
            <option value="">{t("chooseStars")}</option>
            {[5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {t("starsValue", { n })}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field id="rating-comment" label={t("comment")} error={errors.comment}>
        {(aria) => <Textarea {...aria} name="comment" rows={3} maxLength={2_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("rate")}
      </Button>
    </form>
  );
}
