"use client";

import Form from "next/form";
import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { enumChoices } from "./enum-choices";
import { FilterDrawer } from "./filter-drawer";
import { FilterField } from "./filter-field";
import { type Choice, type FieldChoices, LocationOptionList, OptionList, SectorOptionList } from "./option-list";

/** The texts of the filter form, translated on the server. */
export type FilterLabels = Record<
  | "heading"
  | "q"
  | "qHint"
  | "sector"
  | "allSectors"
  | "wholeField"
  | "trlMin"
  | "trlMax"
  | "any"
  | "ip"
  | "form"
  | "min"
  | "max"
  | "amountHint"
  | "orgType"
  | "location"
  | "hanoi"
  | "provinces"
  | "verified"
  | "apply"
  | "clear"
  | "close",
  string
>;

/** The current value of each filter that has one. */
export type FilterValues = Partial<
  Record<"q" | "sector" | "trlMin" | "trlMax" | "ip" | "form" | "min" | "max" | "orgType" | "location", string>
>;

export type FilterFormViewProps = {
  id: string;
  /**
   * Changes whenever the URL's filters change: the form re-mounts with the URL's values (after
   * "clear", back/forward), while the drawer around it keeps its state and focus.
   */
  formKey: string;
  /** The localized list path: the form's action and the "clear" link. */
  action: string;
  /** The query names of the amount range: priceMin/priceMax (offers) or budgetMin/budgetMax (demands). */
  amountNames: readonly [string, string];
  labels: FilterLabels;
  values: FilterValues;
  /** Whether "verified organizations only" is ticked. */
  verified: boolean;
  locale: string;
  sectors: readonly FieldChoices[];
  /** Whether to filter by IP status (offers; demands have none). */
  ipFilter: boolean;
};

/**
 * The catalog filters as a GET form, rendered from compact props: a catalog page carries its
 * server-rendered tree twice (HTML and the inline RSC payload), and as server elements this form
 * with its ~160 options was the larger half of the page; the fixed choices are not even sent
 * (./enum-choices.ts). The server still renders it all into the HTML,
 * so it works without JavaScript, every filter ends up in the URL, and submitting starts again at
 * page 1 (the page is deliberately not a field).
 */
export function FilterFormView(props: FilterFormViewProps) {
  const { labels: t, values } = props;
  const { trl, ip, forms, orgTypes } = enumChoices(props.locale);
  const any = <option value="">{t.any}</option>;
  const select = (name: string, label: string, value = "", options: ReactNode) => (
    <FilterField key={name} id={`filter-${name}`} label={label}>
      {(control) => (
        <select {...control} name={name} defaultValue={value} className="form-control">
          {options}
        </select>
      )}
    </FilterField>
  );
  const choices = (name: string, label: string, value: string | undefined, list: readonly Choice[]) =>
    select(
      name,
      label,
      value,
      <>
        {any}
        <OptionList choices={list} />
      </>,
    );
  const amount = (name: string, label: string, value = "") => (
    <FilterField key={name} id={`filter-${name}`} label={label}>
      {(control) => (
        <input
          {...control}
          name={name}
          type="number"
          min={0}
          step={1}
          inputMode="numeric"
          defaultValue={value}
          className="form-control"
        />
      )}
    </FilterField>
  );

  return (
    <FilterDrawer
      headingId="filters-heading"
      heading={t.heading}
      toggle={t.heading}
      close={t.close}
      active={Object.keys(values).length + (props.verified ? 1 : 0)}
    >
      <Form key={props.formKey} id={props.id} action={props.action} className="space-y-4">
        <FilterField id="filter-q" label={t.q} hint={t.qHint}>
          {(control) => (
            <input
              {...control}
              type="search"
              name="q"
              defaultValue={values.q ?? ""}
              maxLength={200}
              className="form-control"
            />
          )}
        </FilterField>
        {select(
          "sector",
          t.sector,
          values.sector,
          <>
            <option value="">{t.allSectors}</option>
            <SectorOptionList fields={props.sectors} wholeField={t.wholeField} />
          </>,
        )}
        <div className="grid grid-cols-2 items-end gap-3">
          {choices("trlMin", t.trlMin, values.trlMin, trl)}
          {choices("trlMax", t.trlMax, values.trlMax, trl)}
        </div>
        {props.ipFilter && choices("ip", t.ip, values.ip, ip)}
        {choices("form", t.form, values.form, forms)}
        <div className="space-y-2">
          <div className="grid grid-cols-2 items-end gap-3">
            {amount(props.amountNames[0], t.min, values.min)}
            {amount(props.amountNames[1], t.max, values.max)}
          </div>
          <p className="text-xs text-muted">{t.amountHint}</p>
        </div>
        {choices("orgType", t.orgType, values.orgType, orgTypes)}
        {select(
          "location",
          t.location,
          values.location,
          <>
            {any}
            <LocationOptionList locale={props.locale} hanoi={t.hanoi} provinces={t.provinces} />
          </>,
        )}
        <label className="form-check">
          <input type="checkbox" name="verified" value="1" defaultChecked={props.verified} />
          <span>{t.verified}</span>
        </label>
        <div className="flex flex-wrap gap-2 bg-white pt-1 max-lg:sticky max-lg:bottom-0 max-lg:py-3">
          <button type="submit" className={buttonClasses("primary", "md")}>
            {t.apply}
          </button>
          <Link href={props.action} className={buttonClasses("secondary", "md")}>
            {t.clear}
          </Link>
        </div>
      </Form>
    </FilterDrawer>
  );
}
