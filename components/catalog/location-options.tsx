import { LOCATIONS } from "@/lib/geo/locations";
import { pick } from "@/lib/i18n/pick";

/** <option>s for a location select: Hanoi (city-wide first, then its former districts), then provinces. */
export function LocationOptions({ locale, labels }: { locale: string; labels: { hanoi: string; provinces: string } }) {
  const group = (kind: "hanoi" | "province") =>
    LOCATIONS.filter((l) => l.kind === kind).map((l) => (
      <option key={l.code} value={l.code}>
        {pick(locale, l.nameVi, l.nameEn)}
      </option>
    ));
  return (
    <>
      <optgroup label={labels.hanoi}>{group("hanoi")}</optgroup>
      <optgroup label={labels.provinces}>{group("province")}</optgroup>
    </>
  );
}

/** The display name of a location code (the code itself when unknown). */
export function locationName(locale: string, code: string): string {
  const row = LOCATIONS.find((l) => l.code === code);
  return row ? pick(locale, row.nameVi, row.nameEn) : code;
}
