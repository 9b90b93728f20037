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
  events,
  action,
  title,
}: {
  kind: ListingKind;
  id: string;
  events: string[];
  action: TransitionListing;
  /** The card's heading. The card shows while there is an action or the answer to the last one. */
  title: string;
}) {
  const t = useTranslations("workspace");
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const run = (event: string) => {
    if (CONFIRM.has(event) && !window.confirm(t(`confirm.${event}`))) return;
    startTransition(async () => {
      const result = await action(kind, id, event);
      if (result.ok) setMessage({ tone: "success", text: t(`notices.${result.message ?? "saved"}`) });
      else setMessage({ tone: "danger", text: result.formError ?? Object.values(result.fieldErrors).flat().join(" ") });
    });
  };
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
