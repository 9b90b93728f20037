import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { pick } from "@/lib/i18n/pick";
import type { Fact } from "./fact-list";

type Named = { code: string; nameVi: string; nameEn: string };

/**
 * The facts every listing has, in the order both detail pages show them: the classification and
 * readiness first (`head`), the dates last (`dates`); each kind puts its own facts in between.
 */
export async function commonFacts(listing: {
  sector: Named & { parent: Omit<Named, "code"> | null };
  keywords: string[];
  /** The offer's readiness ("trl"), or the lowest a demand accepts ("trlMin"). */
  trl: { label: "trl" | "trlMin"; level: number };
  publishedAt: Date | null;
  updatedAt: Date;
  expiresAt: Date | null;
}): Promise<{ head: Fact[]; dates: Fact[] }> {
  const locale = await getLocale();
  const t = await getTranslations("catalog.detail");
  const te = await getTranslations("enums");
  const format = await getFormatter();
  const date = (d: Date | null) => (d ? format.dateTime(d, "long") : null);
  const { sector, trl } = listing;
  return {
    head: [
      { label: t("field"), value: sector.parent ? pick(locale, sector.parent.nameVi, sector.parent.nameEn) : null },
      { label: t("sector"), value: `${sector.code} · ${pick(locale, sector.nameVi, sector.nameEn)}` },
      { label: t("keywords"), value: listing.keywords.join(", ") },
      {
        label: t(trl.label),
        value: te("trlLevel", { level: trl.level, label: te(`trl.${trl.level}`) }),
        testId: "fact-trl",
      },
    ],
    dates: [
      { label: t("published"), value: date(listing.publishedAt), testId: "fact-published" },
      { label: t("updated"), value: date(listing.updatedAt), testId: "fact-updated" },
      { label: t("expires"), value: date(listing.expiresAt) },
    ],
  };
}
