import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { DemandCardData } from "@/lib/catalog/cards";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";

export async function DemandCard({ demand }: { demand: DemandCardData }) {
  const locale = await getLocale();
  const t = await getTranslations("listing");
  const format = await getFormatter();
  const vnd = (v: bigint) => format.number(Number(v), "vnd");
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-white p-4 shadow-sm">
      <div className="mb-2 flex flex-wrap gap-1.5">
        <Badge tone="brand">{pick(locale, demand.sector.nameVi, demand.sector.nameEn)}</Badge>
        <Badge tone="info">{t("trlMinShort", { level: demand.trlMin })}</Badge>
      </div>
      <h3 className="text-base font-semibold leading-snug">
        <Link href={`/demands/${demand.slug}`} className="hover:underline">
          {pick(locale, demand.titleVi, demand.titleEn)}
        </Link>
      </h3>
      {demand.summaryVi && (
        <p className="mt-1 line-clamp-3 text-sm text-muted">{pick(locale, demand.summaryVi, demand.summaryEn)}</p>
      )}
      <div className="mt-auto pt-3 text-xs text-muted">
        <p className="font-medium text-foreground">
          {demand.confidential
            ? t("confidentialOrg")
            : pick(locale, demand.organization.name, demand.organization.nameEn)}
        </p>
        <p>
          {demand.budgetMin != null && demand.budgetMax != null
            ? t("budgetRange", { min: vnd(demand.budgetMin), max: vnd(demand.budgetMax) })
            : t("budgetOpen")}
          {" · "}
          {t("updated", { date: format.dateTime(demand.updatedAt, "short") })}
        </p>
      </div>
    </article>
  );
}
