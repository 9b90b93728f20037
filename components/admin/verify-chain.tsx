"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ChainVerdict } from "@/lib/audit/queries";
import type { ActionResult } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The auditor's "verify the chain" button; the action is passed in as a prop. */
export function VerifyChain({ verify }: { verify: () => Promise<ActionResult<ChainVerdict>> }) {
  const t = useTranslations("admin");
  const [result, setResult] = useState<ActionResult<ChainVerdict> | null>(null);
  const [pending, startTransition] = useTransition();
  const verdict = result?.ok ? result.data : null;
  return (
    <div className="space-y-3">
      <Button pending={pending} onClick={() => startTransition(async () => setResult(await verify()))}>
        {t("verifyChain")}
      </Button>
      {result && !result.ok && <Alert tone="danger">{result.formError}</Alert>}
      {verdict &&
        (verdict.ok ? (
          <Alert tone="success">
            <p>{t("chainOk", { count: verdict.checked })}</p>
            {verdict.legacy > 0 && <p>{t("chainLegacy", { count: verdict.legacy })}</p>}
            {verdict.lastSeq && <p>{t("chainCheckpoint", { seq: verdict.lastSeq })}</p>}
          </Alert>
        ) : (
          <Alert tone="danger" title={t("chainBroken", { seq: verdict.brokenAt })}>
            {t(`chainProblem_${verdict.problem}`, { seq: verdict.brokenAt })}
          </Alert>
        ))}
    </div>
  );
}
