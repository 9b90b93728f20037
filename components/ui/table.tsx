import { cn } from "../../lib/cn";

export type TableProps = React.ComponentProps<"table"> & {
  containerClassName?: string;
  /** When set, the scroll container becomes a focusable, labelled region (keyboard scrolling). */
  scrollLabel?: string;
};

export function Table({ className, containerClassName, scrollLabel, ...props }: TableProps) {
  return (
    <div
      className={cn("overflow-x-auto rounded-lg border border-border bg-surface", containerClassName)}
      {...(scrollLabel ? { role: "region", "aria-label": scrollLabel, tabIndex: 0 } : {})}
    >
      <table {...props} className={cn("w-full border-collapse text-left text-sm", className)} />
    </div>
  );
}

export function THead({ className, ...props }: React.ComponentProps<"thead">) {
  return <thead {...props} className={cn("bg-surface-muted", className)} />;
}

export function TBody({ className, ...props }: React.ComponentProps<"tbody">) {
  return <tbody {...props} className={cn("divide-y divide-border", className)} />;
}

export function TR({ className, ...props }: React.ComponentProps<"tr">) {
  return <tr {...props} className={cn("align-top", className)} />;
}

export function TH({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      {...props}
      className={cn(
        "border-b border-border px-4 py-2.5 text-start font-semibold whitespace-nowrap text-foreground",
        className,
      )}
    />
  );
}

export function TD({ className, ...props }: React.ComponentProps<"td">) {
  return <td {...props} className={cn("px-4 py-3 text-foreground", className)} />;
}
