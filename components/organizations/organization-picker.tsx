"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ActionResult } from "@/lib/errors";
import type { JoinCandidate } from "@/lib/organizations/queries";

/** The register route's organization search (a server action, passed down from the page). */
export type SearchOrganizations = (query: string) => Promise<ActionResult<JoinCandidate[]>>;

/**
 * Finds an organization to join by a few letters of its name (a handful of matches at a time) and
 * offers them as radio buttons named `organizationId`: nobody ever sees a list of every organization.
 * `search` is the server action that answers (passed down from the page).
 */
export function OrganizationPicker({ search: searchAction, error }: { search: SearchOrganizations; error?: string[] }) {
  const t = useTranslations("auth");
  const to = useTranslations("orgTypes");
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<JoinCandidate[] | null>(null);
  const [pending, startTransition] = useTransition();
  const search = () => {
    if (query.trim().length < 2) return;
    startTransition(async () => {
      // A refused query (too short, control characters) finds nothing, like an unknown name.
      const answer = await searchAction(query);
      setResults(answer.ok ? (answer.data ?? []) : []);
    });
  };
  const errorId = error?.length ? "organizationId-error" : undefined;
  return (
    <div className="space-y-3">
      <div className="space-y-1.5">
        <label htmlFor="organizationQuery" className="block text-sm font-medium">
          {t("organizationSearch")}
        </label>
        <div className="flex gap-2">
          <Input
            id="organizationQuery"
            value={query}
            maxLength={100}
            aria-describedby={["organizationQuery-hint", errorId].filter(Boolean).join(" ")}
            aria-invalid={Boolean(errorId)}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                search();
              }
            }}
          />
          <Button type="button" variant="secondary" pending={pending} onClick={search}>
            {t("organizationSearchButton")}
          </Button>
        </div>
        <p id="organizationQuery-hint" className="text-xs text-muted">
          {t("organizationSearchHint")}
        </p>
      </div>
      {results !== null &&
        (results.length === 0 ? (
          <p role="status" className="text-sm text-muted">
            {t("organizationNoResults")}
          </p>
        ) : (
          <fieldset className="space-y-1">
            <legend className="text-sm font-medium">{t("organizationResults")}</legend>
            {results.map((org) => (
              <label
                key={org.id}
                className="flex cursor-pointer items-center gap-2 rounded-md border border-border p-2 text-sm has-checked:border-brand-600 has-checked:bg-brand-50"
              >
                <input type="radio" name="organizationId" value={org.id} />
                <span className="font-medium">{org.name}</span>
                <span className="text-xs text-muted">{to(org.type)}</span>
              </label>
            ))}
          </fieldset>
        ))}
      {errorId && (
        <p id={errorId} className="text-sm text-danger-700">
          {error?.join(" ")}
        </p>
      )}
    </div>
  );
}
