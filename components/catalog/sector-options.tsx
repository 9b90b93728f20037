import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { pick } from "@/lib/i18n/pick";

/**
 * <option>s for a field/sector select: one group per field, whose first option is the whole field
 * (its code matches all its sectors) followed by the sectors.
 */
export function SectorOptions({
  taxonomy,
  locale,
  wholeField,
}: {
  taxonomy: TaxonomyField[];
  locale: string;
  wholeField: (name: string) => string;
}) {
  return taxonomy.map((field) => {
    const name = pick(locale, field.nameVi, field.nameEn);
    return (
      <optgroup key={field.code} label={name}>
        <option value={field.code}>{wholeField(name)}</option>
        {field.sectors.map((sector) => (
          <option key={sector.code} value={sector.code}>
            {sector.code} · {pick(locale, sector.nameVi, sector.nameEn)}
          </option>
        ))}
      </optgroup>
    );
  });
}
