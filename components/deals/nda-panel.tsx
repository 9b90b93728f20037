"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

export interface NdaPanelProps {
  reference: string;
  /** What this party may do now: propose an NDA (with the standard text to start from), accept the other side's, or nothing. */
  mode: "require" | "accept" | "none";
  standardText: string;
  /** The NDA under way: its text and SHA-256 (accepting counts for exactly this text). */
  text: string | null;
  sha256: string | null;
  action: Action;
}

/** The non-disclosure step (issue #12 item 2): either party requires it; the other accepts the text shown. */
export function NdaPanel({ reference, mode, standardText, text, sha256, action }: NdaPanelProps) {
  const t = useTranslations("deals.nda");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  if (state.ok && state.message) return <Alert tone="success">{t(`done.${state.message}`)}</Alert>;
  if (mode === "none") return null;
  const submit = (confirm: string) => (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!window.confirm(confirm)) return;
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
  return (
    <div className="space-y-3">
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      {mode === "require" && (
        <form className="space-y-3" noValidate onSubmit={submit(t("confirmRequire"))}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="event" value="require_nda" />
          <Field
            id="nda-text"
            label={t("text")}
            hint={t("textHint")}
            error={state.ok ? undefined : state.fieldErrors.text}
            required
          >
            {(aria) => <Textarea {...aria} name="text" rows={8} maxLength={20_000} defaultValue={standardText} />}
          </Field>
          <Button type="submit" variant="secondary" pending={pending}>
            {t("require")}
          </Button>
        </form>
      )}
      {mode === "accept" && text && sha256 && (
        <form className="space-y-3" onSubmit={submit(t("confirmAccept"))}>
          <input type="hidden" name="reference" value={reference} />
          <input type="hidden" name="event" value="accept_nda" />
          <input type="hidden" name="sha256" value={sha256} />
          <Button type="submit" pending={pending}>
            {t("accept")}
          </Button>
        </form>
      )}
    </div>
  );
}
