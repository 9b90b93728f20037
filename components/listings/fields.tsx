"use client";

import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";

/** Form controls bound to a field name, its initial value and its translated errors. */
export interface Bound {
  name: string;
  label: string;
  hint?: string;
  error?: string[];
  required?: boolean;
  defaultValue?: string;
}

export function TextField({
  type = "text",
  maxLength,
  inputMode,
  ...b
}: Bound & { type?: string; maxLength?: number; inputMode?: "numeric" | "text" }) {
  return (
    <Field id={b.name} label={b.label} hint={b.hint} error={b.error} required={b.required}>
      {(aria) => (
        <Input
          {...aria}
          name={b.name}
          type={type}
          defaultValue={b.defaultValue}
          maxLength={maxLength}
          inputMode={inputMode}
        />
      )}
    </Field>
  );
}

export function TextAreaField({ rows = 5, maxLength, ...b }: Bound & { rows?: number; maxLength?: number }) {
  return (
    <Field id={b.name} label={b.label} hint={b.hint} error={b.error} required={b.required}>
      {(aria) => <Textarea {...aria} name={b.name} rows={rows} defaultValue={b.defaultValue} maxLength={maxLength} />}
    </Field>
  );
}

export function SelectField({
  options,
  placeholder,
  ...b
}: Bound & { options: { value: string; label: string; group?: string }[]; placeholder: string }) {
  const groups = [...new Set(options.map((o) => o.group ?? ""))];
  return (
    <Field id={b.name} label={b.label} hint={b.hint} error={b.error} required={b.required}>
      {(aria) => (
        <Select {...aria} name={b.name} defaultValue={b.defaultValue ?? ""}>
          <option value="">{placeholder}</option>
          {groups.map((group) => {
            const items = options
              .filter((o) => (o.group ?? "") === group)
              .map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ));
            return group ? (
              <optgroup key={group} label={group}>
                {items}
              </optgroup>
            ) : (
              items
            );
          })}
        </Select>
      )}
    </Field>
  );
}

/** A group of checkboxes sharing one name; the legend labels the group and errors are announced with it. */
export function CheckboxGroup({
  name,
  legend,
  options,
  selected = [],
  error,
  required,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  selected?: string[];
  error?: string[];
  required?: boolean;
}) {
  const errorId = error?.length ? `${name}-error` : undefined;
  return (
    <fieldset aria-describedby={errorId} className="space-y-2">
      <legend className="text-sm font-medium">
        {legend}
        {required && (
          <span aria-hidden className="text-danger-700">
            {" "}
            *
          </span>
        )}
      </legend>
      <div className="grid gap-1.5 sm:grid-cols-2">
        {options.map((o) => (
          <label key={o.value} className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
              className="mt-1"
              aria-invalid={Boolean(errorId)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {errorId && (
        <p id={errorId} className="text-sm text-danger-700">
          {error!.join(" ")}
        </p>
      )}
    </fieldset>
  );
}
