import { LOCATIONS } from "@/lib/geo/locations";
import { pick } from "@/lib/i18n/pick";

/** The display name of a location code (the code itself when unknown). */
export function locationName(locale: string, code: string): string {
  const row = LOCATIONS.find((l) => l.code === code);
  return row ? pick(locale, row.nameVi, row.nameEn) : code;
}
