import { cn } from "../../lib/cn";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, string> = {
  info: "border-info-600 bg-info-50 text-info-800",
  success: "border-success-600 bg-success-50 text-success-800",
  warning: "border-warning-600 bg-warning-50 text-warning-800",
  danger: "border-danger-600 bg-danger-50 text-danger-800",
};

export type AlertProps = Omit<React.ComponentProps<"div">, "title"> & {
  tone?: AlertTone;
  title?: React.ReactNode;
};

/** role="alert" for danger, role="status" otherwise (override via role prop). */
export function Alert({ tone = "info", title, className, children, ...props }: AlertProps) {
  return (
    <div
      role={tone === "danger" ? "alert" : "status"}
      {...props}
      className={cn("rounded-md border-l-4 px-4 py-3 text-sm", tones[tone], className)}
    >
      {title && <p className="font-semibold">{title}</p>}
      {children && <div className={cn(title ? "mt-1" : undefined)}>{children}</div>}
    </div>
  );
}
