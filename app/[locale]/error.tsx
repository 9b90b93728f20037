"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";

/** Unexpected errors: a friendly page with a reference the operator can find in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div role="alert" className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-bold">{t("unexpectedTitle")}</h1>
      <p className="mt-2 text-muted">{t("unexpectedText")}</p>
      {error.digest && <p className="mt-2 text-xs text-muted">{t("reference", { id: error.digest })}</p>}
      <Button className="mt-6" onClick={reset}>
        {t("retry")}
      </Button>
    </div>
  );
}
