"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/errors";
import { useActionForm } from "./use-action-form";

/**
 * Shown to a signed-in user whose address is not confirmed yet, with a way to get a new link.
 * `action` sends that link (the verify-email route's server action, passed in by the page).
 */
export function VerifyEmailBanner({ action }: { action: () => Promise<ActionResult> }) {
  const t = useTranslations("auth.verify");
  const { state, pending, onSubmit, formError } = useActionForm(action);
  return (
    <Alert tone="warning" title={t("bannerTitle")}>
      <p>{t("bannerText")}</p>
      {state.ok && state.message ? (
        <p role="status" className="mt-2 font-medium">
          {t("resent")}
        </p>
      ) : (
        <form onSubmit={onSubmit} className="mt-2">
          {formError && <p className="mb-2 text-danger-700">{formError}</p>}
          <Button type="submit" size="sm" variant="secondary" pending={pending}>
            {t("resend")}
          </Button>
        </form>
      )}
    </Alert>
  );
}
