import Link from "next/link";
import { cn } from "../../lib/cn";
import { Spinner } from "./spinner";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

/**
 * The classes of a button or a link styled as one: `.btn`, `.btn-<variant>` and `.btn-<size>` of
 * app/globals.css. Short classes rather than the ~330 characters of utilities they stand for: a
 * server-rendered button carries its classes twice (HTML and RSC payload). Utilities in `className`
 * win over them (e.g. "w-full", "hidden sm:inline-flex").
 */
export function buttonClasses(variant: ButtonVariant = "primary", size: ButtonSize = "md", className?: string): string {
  return cn("btn", `btn-${variant}`, `btn-${size}`, className);
}

export type ButtonProps = React.ComponentProps<"button"> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Shows a spinner, sets aria-busy and disables the button. */
  pending?: boolean;
};

export function Button({ variant, size, pending = false, disabled, className, children, ...props }: ButtonProps) {
  return (
    <button
      {...props}
      disabled={disabled || pending}
      aria-busy={pending || undefined}
      className={buttonClasses(variant, size, className)}
    >
      {pending && <Spinner />}
      {children}
    </button>
  );
}

export type ButtonLinkProps = React.ComponentProps<typeof Link> & {
  variant?: ButtonVariant;
  size?: ButtonSize;
};

export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link {...props} className={buttonClasses(variant, size, className)} />;
}
