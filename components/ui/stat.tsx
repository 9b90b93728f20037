import { cn } from "../../lib/cn";

export type StatProps = {
  label: string;
  value: string;
  hint?: string;
  className?: string;
};

/** Dashboard figure tile. */
export function Stat({ label, value, hint, className }: StatProps) {
  return (
    <dl className={cn("flex flex-col rounded-lg border border-border bg-surface px-5 py-4 shadow-sm", className)}>
      <dt className="text-sm font-medium text-muted">{label}</dt>
      <dd className="mt-1 text-3xl font-semibold text-foreground tabular-nums">{value}</dd>
      {hint && <dd className="mt-1 text-sm text-muted">{hint}</dd>}
    </dl>
  );
}
