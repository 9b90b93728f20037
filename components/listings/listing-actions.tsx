"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import type { ActionResult } from "@/lib/errors";
import type { ListingKind } from "@/lib/listings/kinds";

const CONFIRM = new Set(["withdraw", "recall"]);

/** Runs one lifecycle event on a listing: the workspace's server action, passed down from the page. */
export type TransitionListing = (kind: ListingKind, id: string, event: string) => Promise<ActionResult<unknown>>;

/** The lifecycle buttons the owner may use now; destructive ones ask for confirmation first. */
export function ListingActions({
  kind,
  id,
  status,
  events,
  action,
  title,
}: {
  kind: ListingKind;
  id: string;
  /**
   * The listing's status now. An answer is shown only while the status is the one it was given in:
   * once an action has moved the listing, the page's status panel tells the new state, and the
   * earlier notice would be stale.
   */
  status: string;
  events: string[];
  action: TransitionListing;
  /** The card's heading. The card shows while there is an action or the answer to the last one. */
  title: string;
}) {
  const t = useTranslations("workspace");
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<{ tone: "success" | "danger"; text: string; status: string } | null>(null);
  const run = (event: string) => {
    if (CONFIRM.has(event) && !window.confirm(t(`confirm.${event}`))) return;
    const from = status;
    startTransition(async () => {
      const result = await action(kind, id, event);
      if (result.ok) setAnswer({ tone: "success", text: t(`notices.${result.message ?? "saved"}`), status: from });
      else {
        const text = result.formError ?? Object.values(result.fieldErrors).flat().join(" ");
        setAnswer({ tone: "danger", text, status: from });
      }
    });
  };
  const message = answer?.status === status ? answer : null;
  if (events.length === 0 && !message) return null;
  return (
    <Card as="section">
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <div className="space-y-3">
          {message && <Alert tone={message.tone}>{message.text}</Alert>}
          {events.length > 0 && (
            <div className="flex flex-wrap gap-2">
              {events.map((event) => (
                <Button
                  key={event}
                  variant={event === "withdraw" ? "danger" : event === "submit" ? "primary" : "secondary"}
                  pending={pending}
                  onClick={() => run(event)}
                >
                  {t(`actions.${event}`)}
                </Button>
              ))}
            </div>
          )}
        </div>
      </CardContent>
    </Card>
  );
}
