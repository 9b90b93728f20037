import { cn } from "../../lib/cn";

export type EmptyStateProps = {
  title: string;
  description?: string;
  action?: React.ReactNode;
  /** Heading element for the title; default h2. */
  titleAs?: "h2" | "h3" | "p";
  className?: string;
};

export function EmptyState({ title, description, action, titleAs: Title = "h2", className }: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-10 text-center",
        className,
      )}
    >
      <Title className="text-base font-semibold text-foreground">{title}</Title>
      {description && <p className="max-w-prose text-sm text-muted">{description}</p>}
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}
