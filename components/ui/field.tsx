import { cn } from "../../lib/cn";

export type FieldControlProps = {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
  required?: boolean;
};

export type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: string | string[];
  required?: boolean;
  className?: string;
  children: (aria: FieldControlProps) => React.ReactNode;
};

/** Label + control + hint + error, wired together with ids and aria-describedby. */
export function Field({ id, label, hint, error, required, className, children }: FieldProps) {
  const errors = (Array.isArray(error) ? error : error ? [error] : []).filter(Boolean);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length > 0 ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-foreground">
        {label}
        {required && (
          <span aria-hidden="true" className="ms-0.5 text-danger-700">
            *
          </span>
        )}
      </label>
      {children({
        id,
        "aria-describedby": describedBy,
        "aria-invalid": errorId ? true : undefined,
        required: required || undefined,
      })}
      {hint && (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      )}
      {errorId && (
        <div id={errorId} className="space-y-0.5 text-sm font-medium text-danger-700">
          {errors.map((message, i) => (
            <p key={i} className="flex items-start gap-1.5">
              <svg
                aria-hidden="true"
                focusable="false"
                viewBox="0 0 20 20"
                fill="currentColor"
                className="mt-0.5 size-4 shrink-0"
              >
                <path
                  fillRule="evenodd"
                  d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z"
                  clipRule="evenodd"
                />
              </svg>
              <span>{message}</span>
            </p>
          ))}
        </div>
      )}
    </div>
  );
}
