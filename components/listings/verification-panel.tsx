"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { UploadForm } from "./attachments";

/** Documents for the operator and the "request verification" button, which calls `requestVerification` (a server action). */
export function VerificationPanel({
  status,
  documents,
  maxMb,
  requestVerification,
}: {
  status: string;
  documents: { id: string; filename: string }[];
  maxMb: number;
  requestVerification: () => Promise<ActionResult>;
}) {
  const t = useTranslations("workspace");
  const tf = useTranslations("workspace.files");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult | null>(null);
  return (
    <div className="space-y-4">
      <ul className="list-disc pl-5 text-sm">
        {documents.length === 0 ? (
          <li className="list-none text-muted">{tf("none")}</li>
        ) : (
          documents.map((d) => (
            <li key={d.id}>
              <a className="text-brand-700 underline" href={`/api/files/${d.id}`}>
                {d.filename}
              </a>
            </li>
          ))
        )}
      </ul>
      <UploadForm
        id="org-file"
        label={t("org.document")}
        maxMb={maxMb}
        target={() => ({ for: "organization" })}
        accept=".pdf,.docx,.png,.jpg,.jpeg,.webp"
        buttonVariant="secondary"
        className="flex flex-wrap items-end gap-3"
      />
      {(status === "UNVERIFIED" || status === "REJECTED") && (
        <Button pending={pending} onClick={() => startTransition(async () => setResult(await requestVerification()))}>
          {t("org.requestVerification")}
        </Button>
      )}
      {result &&
        (result.ok ? (
          <Alert tone="success">{t("notices.verification_requested")}</Alert>
        ) : (
          <Alert tone="danger">{result.formError}</Alert>
        ))}
    </div>
  );
}
