import type { TaxonomyField } from "@/lib/catalog/taxonomy";
import { pick } from "@/lib/i18n/pick";
import { SectorOptionList } from "./option-list";

/**
 * <option>s for a field/sector select: one group per field, whose first option is the whole field
 * (its code matches all its sectors) followed by the sectors. Localized here, rendered by a client
 * list from compact pairs (./option-list.tsx says why).
 */
export function SectorOptions({
  taxonomy,
  locale,
  wholeField,
}: {
  taxonomy: TaxonomyField[];
  locale: string;
  /** The whole-field choice's label; called once, with "{name}" (filled in per field by the list). */
  wholeField: (name: string) => string;
}) {
  const fields = taxonomy.map((field) => {
    const name = pick(locale, field.nameVi, field.nameEn);
    const sectors = field.sectors.map((s) => [s.code, pick(locale, s.nameVi, s.nameEn)] as const);
    return [field.code, name, sectors] as const;
  });
  return <SectorOptionList fields={fields} wholeField={wholeField("{name}")} />;
}
