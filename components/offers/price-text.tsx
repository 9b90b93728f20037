import { getFormatter, getTranslations } from "next-intl/server";

/** "Thỏa thuận" / a VND range / a fixed express-licence price. */
export async function PriceText({ type, min, max }: { type: string; min: bigint | null; max: bigint | null }) {
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  if (type === "FIXED" && min != null) return <span>{t("priceFixed", { price: vnd(min) })}</span>;
  if (type === "RANGE" && min != null && max != null) {
    return <span>{t("priceRange", { min: vnd(min), max: vnd(max) })}</span>;
  }
  return <span>{t("priceNegotiable")}</span>;
}
