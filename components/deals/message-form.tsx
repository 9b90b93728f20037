"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** A new message in the deal's thread. The text stays on an error and is cleared once sent. */
export function MessageForm({ reference, action }: { reference: string; action: Action }) {
  const t = useTranslations("deals.messages");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.ok && state.message === "message_sent") form.current?.reset();
  }, [state]);
  return (
    <form
      ref={form}
      noValidate
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      <input type="hidden" name="reference" value={reference} />
      <Field id="deal-message" label={t("new")} error={state.ok ? undefined : state.fieldErrors.body} required>
        {(aria) => <Textarea {...aria} name="body" rows={4} maxLength={10_000} />}
      </Field>
      <Button type="submit" pending={pending}>
        {t("send")}
      </Button>
    </form>
  );
}
