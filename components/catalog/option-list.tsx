"use client";

import { LOCATIONS } from "@/lib/geo/locations";
import { pick } from "@/lib/i18n/pick";

/**
 * <option> lists of the filter selects, rendered on the client side of the RSC boundary from
 * compact data. A server-rendered <option> travels twice, as HTML and as a React element in the
 * page's inline RSC payload (about 60 bytes of element per option); here the payload carries only
 * [value, label] pairs, or nothing at all for the static locations. The server still renders the
 * options into the HTML, so the GET form works without JavaScript.
 */

/** One choice of a select: [value, label]. */
export type Choice = readonly [value: string, label: string];

/** A field of the taxonomy: [code, name, its sectors as [code, name]]. */
export type FieldChoices = readonly [code: string, name: string, sectors: readonly Choice[]];

export function OptionList({ choices }: { choices: readonly Choice[] }) {
  return choices.map(([value, label]) => (
    <option key={value} value={value}>
      {label}
    </option>
  ));
}

/**
 * One group per field: the whole field first (its code matches all its sectors), then "101 · name"
 * per sector. `wholeField` is the label of the whole-field choice with "{name}" for the field's
 * name, sent once rather than once per field.
 */
export function SectorOptionList({ fields, wholeField }: { fields: readonly FieldChoices[]; wholeField: string }) {
  return fields.map(([code, name, sectors]) => (
    <optgroup key={code} label={name}>
      <option value={code}>{wholeField.replace("{name}", name)}</option>
      {sectors.map(([sector, sectorName]) => (
        <option key={sector} value={sector}>{`${sector} · ${sectorName}`}</option>
      ))}
    </optgroup>
  ));
}

/** Hanoi (city-wide first, then its former districts), then the provinces; the names ship in the bundle. */
export function LocationOptionList({ locale, hanoi, provinces }: { locale: string; hanoi: string; provinces: string }) {
  const group = (kind: "hanoi" | "province") =>
    LOCATIONS.filter((l) => l.kind === kind).map((l) => (
      <option key={l.code} value={l.code}>
        {pick(locale, l.nameVi, l.nameEn)}
      </option>
    ));
  return (
    <>
      <optgroup label={hanoi}>{group("hanoi")}</optgroup>
      <optgroup label={provinces}>{group("province")}</optgroup>
    </>
  );
}
