"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { VerifyChainResult } from "@/lib/audit/checkpoints";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** The auditor's "verify the chain" button; the action is passed in as a prop. */
export function VerifyChain({ verify }: { verify: () => Promise<VerifyChainResult> }) {
  const t = useTranslations("admin");
  const [result, setResult] = useState<VerifyChainResult | null>(null);
  const [pending, startTransition] = useTransition();
  const verdict = result?.ok ? result.verdict : null;
  return (
    <div className="space-y-3">
      <Button pending={pending} onClick={() => startTransition(async () => setResult(await verify()))}>
        {t("verifyChain")}
      </Button>
      {result && !result.ok && (
        <Alert tone="danger">{result.error === "forbidden" ? t("chainForbidden") : t("chainVerifyFailed")}</Alert>
      )}
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
