"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import type { ChainVerdict } from "@/lib/audit/queries";
import type { ActionResult } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Link } from "@/lib/i18n/navigation";

/**
 * The overview's quick "verify the chain" button (the action is passed in as a prop). The full tool,
 * with progress and verification from a published head, is /admin/audit/verify
 * (./audit/chain-verification.tsx), linked from here.
 */
export function VerifyChain({ verify }: { verify: () => Promise<ActionResult<ChainVerdict>> }) {
  const t = useTranslations("admin");
  const tl = useTranslations("auditLog");
  const [result, setResult] = useState<ActionResult<ChainVerdict> | null>(null);
  const [pending, startTransition] = useTransition();
  const verdict = result?.ok ? result.data : null;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <Button pending={pending} onClick={() => startTransition(async () => setResult(await verify()))}>
          {t("verifyChain")}
        </Button>
        <Link href="/admin/audit/verify" className="text-sm underline">
          {tl("verify.title")}
        </Link>
      </div>
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
            <p>{tl(`verify.problems.${verdict.problem}`, { seq: verdict.brokenAt })}</p>
            <dl className="mt-2 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">{tl("verify.expected")}</dt>
              <dd className="font-mono break-all">{verdict.expected}</dd>
              <dt className="font-semibold">{tl("verify.found")}</dt>
              <dd className="font-mono break-all">{verdict.found}</dd>
            </dl>
          </Alert>
        ))}
    </div>
  );
}
