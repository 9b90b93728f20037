import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import type { ExpertListItem } from "@/lib/catalog/experts";
import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";

/** The name of a sector (or field) code in `locale`, the code itself when unknown. */
export function sectorName(taxonomy: TaxonomyField[], code: string, locale: string): string {
  for (const field of taxonomy) {
    if (field.code === code) return pick(locale, field.nameVi, field.nameEn);
    const sector = field.sectors.find((s) => s.code === code);
    if (sector) return pick(locale, sector.nameVi, sector.nameEn);
  }
  return code;
}

/** An expert in the directory; no contact details, by design. */
export async function ExpertCard({ expert, taxonomy }: { expert: ExpertListItem; taxonomy: TaxonomyField[] }) {
  const locale = await getLocale();
  const t = await getTranslations("experts");
  return (
    <article className="flex h-full flex-col rounded-lg border border-border bg-white p-4 shadow-sm">
      {/* Badges never wrap by default and cn() does not merge classes, hence the "!": long sector names must wrap. */}
      <div className="mb-2 flex flex-wrap gap-1.5">
        {expert.sectorCodes.map((code) => (
          <Badge key={code} tone="brand" className="whitespace-normal!">
            {sectorName(taxonomy, code, locale)}
          </Badge>
        ))}
      </div>
      <h3 className="text-base font-semibold leading-snug">
        <Link href={`/experts/${expert.slug}`} className="hover:underline">
          {expert.title ? `${expert.title} ${expert.name}` : expert.name}
        </Link>
      </h3>
      <p className="mt-1 line-clamp-3 text-sm text-muted">{pick(locale, expert.expertise, expert.expertiseEn)}</p>
      <p className="mt-auto pt-3 text-sm font-medium">
        {expert.organization ? pick(locale, expert.organization.name, expert.organization.nameEn) : t("independent")}
      </p>
    </article>
  );
}
