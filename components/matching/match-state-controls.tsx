"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import type { MatchState } from "@/lib/generated/prisma/enums";
import { Link } from "@/lib/i18n/navigation";
import { MATCH_SIDE_MACHINE } from "@/lib/matching/state-machine";
import { eventsFor } from "@/lib/workflow/machine";

type Action = (prev: ActionResult, formData: FormData) => Promise<ActionResult>;

/**
 * "Dismiss" (after a confirmation), the request that starts a deal and, for a dismissed match, "Restore". Plain forms
 * posting to a server action, so they also work before the page's JavaScript has loaded.
 */
export function MatchStateControls({
  matchId,
  state,
  title,
  action,
  act,
}: {
  matchId: string;
  state: MatchState;
  title: string;
  action: Action;
  /**
   * Acting on a match is starting a deal from it (issue #12): a link to the request form, which
   * marks the match acted on in the deal's own transaction. Without it (a role that cannot start
   * this deal) there is no "interested" button: marking a match alone told nobody anything.
   */
  act?: { href: string; label: string };
}) {
  const t = useTranslations("matching.account");
  const [result, formAction, pending] = useActionState<ActionResult, FormData>(action, { ok: true });
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

  // The buttons are the moves the match-side table allows from here: none once acted on.
  const events = eventsFor(MATCH_SIDE_MACHINE, state, "owner");
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {events.includes("restore") && button("SUGGESTED", t("restore"), "secondary")}
        {events.includes("act") && act && (
          <Link href={act.href} className={buttonClasses("primary", "sm")}>
            {act.label}
            <span className="sr-only">{`: ${title}`}</span>
          </Link>
        )}
        {events.includes("dismiss") && button("DISMISSED", t("dismiss"), "secondary", t("dismissConfirm"))}
      </div>
      {!result.ok && <Alert tone="danger">{result.formError}</Alert>}
      {result.ok && result.message && <Alert tone="success">{t(`done.${result.message}`)}</Alert>}
    </div>
  );
}
