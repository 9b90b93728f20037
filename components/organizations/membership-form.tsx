"use client";

import { useTranslations } from "next-intl";
import { useActionState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonVariant } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Textarea } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

interface Props {
  action: Action;
  /** Hidden fields, e.g. `{ id }` or `{ requestId }`. */
  hidden?: Record<string, string>;
  /** One submit button per entry; `value` is posted as `name`. */
  buttons: { label: string; variant?: ButtonVariant; name?: string; value?: string; confirm?: string }[];
  /** Optional free-text note (decisions) or an e-mail field (invitations). */
  input?: { kind: "note" | "email"; name: string; label: string; id: string };
}

/**
 * One small membership form (approve/reject, invite, withdraw, remove, hand over): posts through a
 * transition so a typed note survives an error, shows the outcome in words from `membership`.
 */
export function MembershipForm({ action, hidden = {}, buttons, input }: Props) {
  const t = useTranslations("membership");
  const [state, dispatch] = useActionState<ActionResult, FormData>(action, { ok: true });
  const [pending, startTransition] = useTransition();
  const fieldErrors = state.ok ? {} : state.fieldErrors;
  const formError = state.ok ? undefined : state.formError;
  const fieldError = input ? fieldErrors[input.name] : undefined;
  return (
    <form className="space-y-2" noValidate onSubmit={(e) => e.preventDefault()}>
      {state.ok && state.message && (
        <p role="status" className="text-sm font-medium text-success-800">
          {t(`notices.${state.message}`)}
        </p>
      )}
      {formError && <Alert tone="danger">{formError}</Alert>}
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {input && (
        <Field id={input.id} label={input.label} error={fieldError} required={input.kind === "email"}>
          {(aria) =>
            input.kind === "email" ? (
              <Input {...aria} name={input.name} type="email" autoComplete="off" maxLength={254} />
            ) : (
              <Textarea {...aria} name={input.name} rows={2} maxLength={1000} />
            )
          }
        </Field>
      )}
      <div className="flex flex-wrap gap-2">
        {buttons.map((b) => (
          <Button
            key={b.label}
            type="button"
            size="sm"
            variant={b.variant}
            pending={pending}
            onClick={(event) => {
              if (b.confirm && !window.confirm(b.confirm)) return;
              const form = event.currentTarget.form;
              if (!form) return;
              const data = new FormData(form);
              if (b.name) data.set(b.name, b.value ?? "");
              startTransition(() => dispatch(data));
            }}
          >
            {b.label}
          </Button>
        ))}
      </div>
    </form>
  );
}
