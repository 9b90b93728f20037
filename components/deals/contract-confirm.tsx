"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/**
 * "Xác nhận phiên bản N": the party confirms exactly the version shown, by its number and SHA-256;
 * a newer version saved meanwhile makes the server refuse it ("reload"). A confirmation is asked
 * for first, as it binds the organization.
 */
export function ContractConfirm({
  versionNo,
  sha256,
  blockedBy,
  action,
}: {
  versionNo: number;
  sha256: string;
  /** Why this party cannot confirm now (a `deals.errors` key), or null. */
  blockedBy: string | null;
  action: Action;
}) {
  const t = useTranslations("deals.contract");
  const te = useTranslations("deals.errors");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  if (state.ok && state.message) return <Alert tone="success">{t(`done.${state.message}`)}</Alert>;
  return (
    <form className="space-y-2" onSubmit={onSubmit(t("confirmQuestion", { version: versionNo }))}>
      {formError && <Alert tone="danger">{formError}</Alert>}
      <input type="hidden" name="versionNo" value={versionNo} />
      <input type="hidden" name="sha256" value={sha256} />
      <Button type="submit" pending={pending} disabled={blockedBy !== null}>
        {t("confirm", { version: versionNo })}
      </Button>
      {blockedBy && <p className="text-sm text-muted">{te(blockedBy)}</p>}
    </form>
  );
}
