import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import type { Relaxation } from "@/lib/search/types";

/**
 * What a relaxed search did (issue #14): too few listings matched every word, so listings matching
 * some of the query's concepts, or their synonyms, follow the exact ones. Says which concepts were
 * searched, which synonyms were used and which question words were left out.
 */
export async function RelaxedNotice({ relaxation }: { relaxation: Relaxation }) {
  const t = await getTranslations("search.relaxed");
  const concepts = relaxation.concepts.map((c) => `“${c.text}”`).join(" · ");
  const synonyms = relaxation.concepts.flatMap((c) => c.synonyms.map((s) => `${c.text} → ${s}`));
  return (
    <Alert tone="info" title={t("title", { concepts })} data-testid="search-relaxed">
      <p>{relaxation.strict > 0 ? t("exactFirst", { count: relaxation.strict }) : t("noExact")}</p>
      {synonyms.length > 0 && <p>{t("synonyms", { list: synonyms.join("; ") })}</p>}
      {relaxation.dropped.length > 0 && <p>{t("dropped", { list: relaxation.dropped.join(", ") })}</p>}
    </Alert>
  );
}
