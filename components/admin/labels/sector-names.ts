import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { pick } from "@/lib/i18n/pick";

/**
 * The active taxonomy's names by code, in `locale`: staff pages show a sector by name, never by its
 * code. With `withField`, a sector reads "Field › Sector". A code missing from the map (a node
 * deactivated since) is the caller's to fall back on.
 */
export async function sectorNames(locale: string, { withField = false } = {}): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const field of await catalogTaxonomy()) {
    const fieldName = pick(locale, field.nameVi, field.nameEn);
    names.set(field.code, fieldName);
    for (const s of field.sectors) {
      const name = pick(locale, s.nameVi, s.nameEn);
      names.set(s.code, withField ? `${fieldName} › ${name}` : name);
    }
  }
  return names;
}
