import { cn } from "../../lib/cn";

export function Card({
  as: Tag = "div",
  className,
  ...props
}: React.ComponentProps<"div"> & { as?: "div" | "section" | "article" }) {
  return <Tag {...props} className={cn("rounded-lg border border-border bg-surface shadow-sm", className)} />;
}

export function CardHeader({ className, ...props }: React.ComponentProps<"div">) {
  return <div {...props} className={cn("flex flex-col gap-1 border-b border-border px-5 py-4", className)} />;
}

export function CardTitle({
  as: Tag = "h2",
  className,
  ...props
}: React.ComponentProps<"h2"> & { as?: "h2" | "h3" | "h4" | "p" }) {
  return <Tag {...props} className={cn("text-base leading-snug font-semibold text-foreground", className)} />;
}

export function CardContent({ className, ...props }: React.ComponentProps<"div">) {
  return <div {...props} className={cn("px-5 py-4", className)} />;
}
