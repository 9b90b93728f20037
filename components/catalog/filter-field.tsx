import type { ReactNode } from "react";

export type FilterControlProps = { id: string; "aria-describedby"?: string };

/**
 * A labelled control of a GET filter form, with an optional hint tied by aria-describedby: the
 * lean counterpart of components/ui/field.tsx, styled by the `.form-*` classes of app/globals.css.
 * No error state: a filter value the page drops is reported in the page's notice instead.
 */
export function FilterField({
  id,
  label,
  hint,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  children: (control: FilterControlProps) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="form-field">
      <label htmlFor={id} className="form-label">
        {label}
      </label>
      {children({ id, "aria-describedby": hintId })}
      {hint && (
        <p id={hintId} className="form-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
