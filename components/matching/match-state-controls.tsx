"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";

type MatchState = "SUGGESTED" | "SEEN" | "DISMISSED" | "ACTED_ON";
type Action = (prev: ActionResult, formData: FormData) => Promise<ActionResult>;

/**
 * "Dismiss" (after a confirmation), "Interested" and, for a dismissed match, "Restore". Plain forms
 * posting to a server action, so they also work before the page's JavaScript has loaded.
 */
export function MatchStateControls({
  matchId,
  state,
  title,
  action,
}: {
  matchId: string;
  state: MatchState;
  title: string;
  action: Action;
}) {
  const t = useTranslations("matching.account");
  const [result, formAction, pending] = useActionState(action, { ok: true } as ActionResult);
  const button = (next: MatchState, label: string, variant: "primary" | "secondary" | "danger", confirm?: string) => (
    <form
      action={formAction}
      onSubmit={(event) => {
        if (confirm && !window.confirm(confirm)) event.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={matchId} />
      <input type="hidden" name="state" value={next} />
      <Button type="submit" size="sm" variant={variant} pending={pending}>
        {label}
        {/* The visible label is short; the title says which match, for lists read without the cards around them. */}
        <span className="sr-only">{`: ${title}`}</span>
      </Button>
    </form>
  );

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {state === "DISMISSED" ? (
          button("SUGGESTED", t("restore"), "secondary")
        ) : (
          <>
            {state !== "ACTED_ON" && button("ACTED_ON", t("interested"), "primary")}
            {button("DISMISSED", t("dismiss"), "secondary", t("dismissConfirm"))}
          </>
        )}
      </div>
      {!result.ok && <Alert tone="danger">{result.formError}</Alert>}
      {result.ok && result.message && <Alert tone="success">{result.message}</Alert>}
    </div>
  );
}
