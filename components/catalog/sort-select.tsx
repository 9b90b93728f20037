"use client";

import { type Choice, OptionList } from "./option-list";

/**
 * The sort control. It belongs to the filter form through the `form` attribute, so sorting keeps
 * the filters; with JavaScript a change submits at once, without it the form's button does.
 */
export function SortSelect({
  formId,
  label,
  value,
  options,
}: {
  formId: string;
  label: string;
  value: string;
  /** [value, label] pairs, compact in the RSC payload. */
  options: readonly Choice[];
}) {
  return (
    <div className="sort-control max-w-full min-w-0">
      <label htmlFor="catalog-sort">{label}</label>
      <select
        id="catalog-sort"
        name="sort"
        form={formId}
        defaultValue={value}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="form-control w-auto min-w-0"
      >
        <OptionList choices={options} />
      </select>
    </div>
  );
}
