import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { locationName } from "@/components/catalog/location-options";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { pick } from "@/lib/i18n/pick";
import { MIN_RELATEDNESS } from "@/lib/matching/score";
import type { CriterionVerdict, MatchExplanation as Explanation } from "@/lib/matching/types";
import { CriteriaDisclosure } from "./criteria-disclosure";
import { VerdictItem } from "./verdict-item";

type Range = [number | null, number | null];

/**
 * Why two listings were matched, in plain words: the score, the shared terms, and one line per
 * criterion with its verdict (folded behind a button on a phone). Stored explanations may predate a
 * criterion, so every part is optional.
 */
export async function MatchExplanation({
  score,
  explanation,
  headingLevel = "h3",
  compact = false,
}: {
  score: number;
  explanation: Explanation;
  headingLevel?: "h3" | "h4";
  /** One line (score and shared terms) instead of the criteria: for the lesser matches of a list. */
  compact?: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations("matching.explanation");
  const format = await getFormatter();
  const taxonomy = await catalogTaxonomy();
  const percent = (v: number) => format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const sectorName = (code: string) => {
    for (const field of taxonomy) {
      const sector = field.sectors.find((s) => s.code === code);
      if (sector) return pick(locale, sector.nameVi, sector.nameEn);
    }
    return code;
  };
  const range = ([min, max]: Range) => {
    const vnd = (v: number) => format.number(v, "vnd");
    if (min !== null && max !== null && min !== max) return t("range.both", { min: vnd(min), max: vnd(max) });
    if (min !== null) return max === min ? vnd(min) : t("range.from", { min: vnd(min) });
    if (max !== null) return t("range.to", { max: vnd(max) });
    return t("range.none");
  };
  const verdict = (v: CriterionVerdict | undefined): CriterionVerdict => v ?? "unknown";
  const label = (v: CriterionVerdict) => t(`verdict.${v}`);
  const { sector, trl, budget, location } = explanation;
  const Heading = headingLevel;
  const terms = explanation.sharedTerms ?? [];

  if (compact) {
    return (
      <p className="text-sm break-words text-muted" data-testid="match-explanation">
        <span className="font-semibold text-brand-800 tabular-nums" data-testid="match-score">
          {t("score", { percent: percent(score) })}
        </span>
        {" · "}
        <span data-testid="shared-terms">
          {t("sharedTerms")}: {terms.length ? terms.join(", ") : t("noSharedTerms")}
        </span>
      </p>
    );
  }

  return (
    <div className="space-y-3 text-sm" data-testid="match-explanation">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Heading className="font-semibold">{t("label")}</Heading>
        <span
          className="rounded-md bg-brand-700 px-2 py-0.5 text-sm font-semibold text-white tabular-nums"
          data-testid="match-score"
        >
          {t("score", { percent: percent(score) })}
        </span>
      </div>
      <div className="flex flex-wrap items-center gap-1.5" data-testid="shared-terms">
        <span className="text-xs font-medium text-muted">{t("sharedTerms")}:</span>
        {terms.length ? (
          <ul className="flex min-w-0 flex-wrap gap-1.5" aria-label={t("sharedTerms")}>
            {terms.map((term) => (
              <li
                key={term}
                className="max-w-full rounded-full border border-brand-200 bg-brand-50 px-2 py-0.5 text-xs break-words text-brand-800"
              >
                {term}
              </li>
            ))}
          </ul>
        ) : (
          <span className="text-xs text-muted">{t("noSharedTerms")}</span>
        )}
      </div>
      <CriteriaDisclosure show={t("showCriteria")} hide={t("hideCriteria")}>
        <ul className="grid gap-2 sm:grid-cols-2">
          {sector && (
            <VerdictItem
              criterion="sector"
              verdict={verdict(sector.verdict)}
              verdictLabel={label(verdict(sector.verdict))}
            >
              {t(`sector.${verdict(sector.verdict)}`, {
                offer: sectorName(sector.offerSector),
                demand: sectorName(sector.demandSector),
              })}
            </VerdictItem>
          )}
          {trl && (
            <VerdictItem criterion="trl" verdict={verdict(trl.verdict)} verdictLabel={label(verdict(trl.verdict))}>
              {t(`trl.${verdict(trl.verdict)}`, { offer: trl.offerTrl, min: trl.demandMin })}
            </VerdictItem>
          )}
          {budget && (
            <VerdictItem
              criterion="budget"
              verdict={verdict(budget.verdict)}
              verdictLabel={label(verdict(budget.verdict))}
              detail={t("budgetDetail", { price: range(budget.price), budget: range(budget.budget) })}
            >
              {t(`budget.${verdict(budget.verdict)}`)}
            </VerdictItem>
          )}
          {location && (
            <VerdictItem
              criterion="location"
              verdict={verdict(location.verdict)}
              verdictLabel={label(verdict(location.verdict))}
            >
              {t(`location.${verdict(location.verdict)}`, {
                offer: locationName(locale, location.offer),
                demand: locationName(locale, location.demand),
              })}
            </VerdictItem>
          )}
          <VerdictItem
            criterion="verified"
            verdict={explanation.verified ? "match" : "unknown"}
            verdictLabel={label(explanation.verified ? "match" : "unknown")}
          >
            {t(explanation.verified ? "verified.yes" : "verified.no")}
          </VerdictItem>
          {explanation.text && (
            <VerdictItem
              criterion="text"
              verdict={textVerdict(explanation.text.similarity)}
              verdictLabel={label(textVerdict(explanation.text.similarity))}
            >
              {t("text", { percent: percent(explanation.text.similarity) })}
            </VerdictItem>
          )}
        </ul>
      </CriteriaDisclosure>
    </div>
  );
}

// The engine stores only the similarity for text; these bands mirror how much it weighs in the score.
// Below the minimum a pair is no match at all; only one an owner acted on before it existed shows so.
function textVerdict(similarity: number): CriterionVerdict {
  if (similarity >= 0.4) return "match";
  if (similarity >= MIN_RELATEDNESS) return "partial";
  return "mismatch";
}
