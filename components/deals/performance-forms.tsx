"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
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
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.message) return <span className="text-sm text-success-700">{t(`done.${state.message}`)}</span>;
  return (
    <form onSubmit={onSubmit(t(step === "done" ? "confirmDone" : "confirmConfirm", { title }))}>
      <input type="hidden" name="milestoneId" value={milestoneId} />
      <input type="hidden" name="step" value={step} />
      {formError && <p className="text-sm text-danger-700">{formError}</p>}
      <Button type="submit" size="sm" variant={step === "done" ? "secondary" : "primary"} pending={pending}>
        {t(step === "done" ? "markDone" : "confirm")}
        <span className="sr-only">{`: ${title}`}</span>
      </Button>
    </form>
  );
}

/** After completion: the party's rating of the other (1–5 stars and a comment). */
export function RatingForm({ action, rated = false }: { action: Action; rated?: boolean }) {
  const t = useTranslations("deals.performance");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t("done.rated")}</Alert>;
  if (rated) return null;
  return (
    <form noValidate className="space-y-3" onSubmit={onSubmit()}>
      {formError && <Alert tone="danger">{formError}</Alert>}
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
