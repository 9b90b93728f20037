import { getTranslations } from "next-intl/server";

/** How the analytics figures are counted: the privacy promise of the views, and the definitions. */
export async function CountingNotes() {
  const t = await getTranslations("workspace.analytics");
  return (
    <details className="rounded-lg border border-border bg-surface px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-foreground">{t("howCounted")}</summary>
      <ul className="mt-2 list-disc space-y-1 ps-5 text-muted">
        <li>{t("viewsNote")}</li>
        <li>{t("interestNote")}</li>
        <li>{t("matchesNote")}</li>
        <li>{t("timeNote")}</li>
      </ul>
    </details>
  );
}
