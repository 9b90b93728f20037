import { getTranslations } from "next-intl/server";

/** No results: what to try next (accents never matter, so that tip reassures rather than instructs). */
export async function SearchEmpty({ q }: { q: string }) {
  const t = await getTranslations("search.empty");
  return (
    <div
      className="rounded-lg border border-dashed border-border-strong bg-surface px-6 py-8"
      data-testid="search-empty"
    >
      <h3 className="text-base font-semibold">{t("title", { q })}</h3>
      <p className="mt-2 text-sm text-muted">{t("lead")}</p>
      <ul className="mt-1 list-disc space-y-1 ps-5 text-sm text-muted">
        <li>{t("diacritics")}</li>
        <li>{t("spelling")}</li>
        <li>{t("fewer")}</li>
        <li>{t("tabs")}</li>
      </ul>
    </div>
  );
}
