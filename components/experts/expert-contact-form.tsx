"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** The request for advice: a topic and a message; the sender's name and address go with it. */
export function ExpertContactForm({ slug, action }: { slug: string; action: Action }) {
  const t = useTranslations("experts.contact");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  if (state.ok && state.message === "sent") return <Alert tone="success">{t("sent")}</Alert>;
  return (
    <form noValidate className="space-y-5" onSubmit={onSubmit()}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" name="slug" value={slug} />
      <Field id="expert-topic" label={t("topic")} hint={t("topicHint")} error={errors.topic} required>
        {(aria) => <Input {...aria} name="topic" maxLength={200} />}
      </Field>
      <Field id="expert-message" label={t("message")} hint={t("messageHint")} error={errors.message} required>
        {(aria) => <Textarea {...aria} name="message" rows={8} maxLength={5_000} />}
      </Field>
      <p className="text-sm text-muted">{t("privacy")}</p>
      <Button type="submit" pending={pending}>
        {t("submit")}
      </Button>
    </form>
  );
}
