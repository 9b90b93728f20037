import { cn } from "../../lib/cn";

const control =
  "block w-full rounded-md border border-border-strong bg-surface px-3 text-base text-foreground shadow-sm sm:text-sm placeholder:text-muted disabled:cursor-not-allowed disabled:bg-surface-sunken disabled:text-muted aria-[invalid=true]:border-danger-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-danger-600";

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return (
    <input type={type} {...props} className={cn(control, "min-h-10 py-2 read-only:bg-surface-muted", className)} />
  );
}

export function Textarea({ className, rows = 5, ...props }: React.ComponentProps<"textarea">) {
  return (
    <textarea
      rows={rows}
      {...props}
      className={cn(control, "py-2 leading-relaxed read-only:bg-surface-muted", className)}
    />
  );
}

/** Native select; pass <option> elements as children. */
export function Select({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <select {...props} className={cn(control, "min-h-10 py-2 pe-8", className)}>
      {children}
    </select>
  );
}

export type CheckboxProps = Omit<React.ComponentProps<"input">, "type"> & {
  label: React.ReactNode;
  /** Classes for the wrapping <label>. */
  labelClassName?: string;
};

/** Checkbox wrapped in its own <label>, so no id is required. */
export function Checkbox({ label, className, labelClassName, ...props }: CheckboxProps) {
  return (
    <label
      className={cn(
        "inline-flex cursor-pointer items-start gap-2 text-sm text-foreground has-disabled:cursor-not-allowed has-disabled:text-muted",
        labelClassName,
      )}
    >
      <input
        type="checkbox"
        {...props}
        className={cn(
          "mt-0.5 size-4 shrink-0 rounded border-border-strong accent-brand-700 aria-[invalid=true]:ring-2 aria-[invalid=true]:ring-danger-600 aria-[invalid=true]:ring-offset-1",
          className,
        )}
      />
      <span>{label}</span>
    </label>
  );
}
