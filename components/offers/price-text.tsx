import { getFormatter, getTranslations } from "next-intl/server";

type Terms = { type: string; min: bigint | null; max: bigint | null };

/** "Thỏa thuận" / a VND range / a fixed express-licence price, as plain text. */
export async function priceLabel({ type, min, max }: Terms): Promise<string> {
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  if (type === "FIXED" && min != null) return t("priceFixed", { price: vnd(min) });
  if (type === "RANGE" && min != null && max != null) return t("priceRange", { min: vnd(min), max: vnd(max) });
  return t("priceNegotiable");
}

/** The price terms of an offer (see `priceLabel`). */
export async function PriceText(terms: Terms) {
  return <span>{await priceLabel(terms)}</span>;
}
