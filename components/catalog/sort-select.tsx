"use client";

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
  options: { value: string; label: string }[];
}) {
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="catalog-sort" className="text-sm font-medium whitespace-nowrap">
        {label}
      </label>
      <select
        id="catalog-sort"
        name="sort"
        form={formId}
        defaultValue={value}
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
        className="form-control w-auto"
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
