"use client";

import { useState, useTransition } from "react";
import { useAccount } from "@/components/layout/account-context";
import { Button, buttonClasses } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { Link } from "@/lib/i18n/navigation";
import type { SaveSearchInput, SavedSearchKind } from "@/lib/saved-searches/schemas";

export interface SaveSearchTexts {
  save: string;
  hint: string;
  saved: string;
  already: string;
  signIn: string;
  manage: string;
}

/**
 * "Save this search" for a catalog or search page: the page's query (`kind`, `q`, `filters` by
 * their URL names) is saved under `label` and e-mailed weekly (lib/saved-searches). The page around
 * it is cached and the same for everyone, so who is signed in is learnt in the browser
 * (components/layout/account-context.tsx): a visitor is offered to sign in and come back to this
 * very query (`callbackPath`); staff, who have no saved searches, see nothing. Rendered through
 * ./save-search.tsx, which supplies the words and the server action.
 */
export function SaveSearchButton({
  kind,
  q,
  filters,
  label,
  save,
  callbackPath,
  texts,
}: {
  kind: SavedSearchKind;
  q: string;
  filters: SaveSearchInput["filters"];
  label: string;
  save: (input: SaveSearchInput) => Promise<ActionResult<{ id: string; created: boolean }>>;
  callbackPath: string;
  texts: SaveSearchTexts;
}) {
  const account = useAccount();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ id: string; created: boolean }> | null>(null);
  // Keeps its place while the browser asks who is signed in, so the page does not jump: the size of
  // the visitor's link (the answer of most visits and of every crawler), drawn invisible.
  if (account === undefined) {
    return (
      <span aria-hidden className={`${buttonClasses("secondary", "sm")} invisible`}>
        {texts.signIn}
      </span>
    );
  }
  if (account === null) {
    return (
      <Link
        href={{ pathname: "/login", query: { callbackUrl: callbackPath } }}
        className={buttonClasses("secondary", "sm")}
      >
        {texts.signIn}
      </Link>
    );
  }
  if (!account.areas.includes("workspace")) return null;
  if (result?.ok) {
    return (
      <p role="status" className="text-sm">
        <span className="font-medium text-success-800">{result.data?.created ? texts.saved : texts.already}</span>{" "}
        <Link href="/account/saved-searches" className="font-medium text-brand-700 underline">
          {texts.manage}
        </Link>
      </p>
    );
  }
  return (
    <div className="space-y-1">
      <Button
        type="button"
        variant="secondary"
        size="sm"
        pending={pending}
        title={texts.hint}
        onClick={() =>
          startTransition(async () => {
            const answer = await save({ kind, q, filters, label });
            startTransition(() => setResult(answer));
          })
        }
      >
        {texts.save}
      </Button>
      {result && !result.ok && (
        <p role="alert" className="text-sm text-danger-700">
          {result.formError}
        </p>
      )}
    </div>
  );
}
