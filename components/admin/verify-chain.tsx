"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { verifyChainAction } from "@/app/[locale]/(admin)/admin/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ChainVerdict } from "@/lib/audit/queries";

export function VerifyChain() {
  const t = useTranslations("admin");
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="space-y-3">
      <Button pending={pending} onClick={() => startTransition(async () => setVerdict(await verifyChainAction()))}>
        {t("verifyChain")}
      </Button>
      {verdict &&
        (verdict.ok ? (
          <Alert tone="success">{t("chainOk", { count: verdict.checked })}</Alert>
        ) : (
          <Alert tone="danger" title={t("chainBroken", { seq: verdict.brokenAt })}>
            {t(`chainProblem_${verdict.problem}`)}
          </Alert>
        ))}
    </div>
  );
}
