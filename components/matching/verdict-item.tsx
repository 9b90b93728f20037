import type { ReactNode } from "react";
import type { CriterionVerdict } from "@/lib/matching/types";
import { cn } from "@/lib/cn";

// Each verdict has its own symbol and a spoken word besides its colour, so it reads without colour.
const STYLE: Record<CriterionVerdict, { symbol: string; className: string }> = {
  match: { symbol: "✓", className: "border-success-200 bg-success-50 text-success-800" },
  partial: { symbol: "~", className: "border-warning-200 bg-warning-50 text-warning-800" },
  mismatch: { symbol: "✗", className: "border-danger-200 bg-danger-50 text-danger-800" },
  unknown: { symbol: "?", className: "border-border bg-surface-muted text-muted" },
};

/** One criterion of a match explanation: verdict symbol, hidden verdict word, sentence, optional detail. */
export function VerdictItem(props: {
  verdict: CriterionVerdict;
  verdictLabel: string;
  children: ReactNode;
  detail?: ReactNode;
  criterion: string;
}) {
  const style = STYLE[props.verdict];
  return (
    <li className="flex items-start gap-2" data-criterion={props.criterion} data-verdict={props.verdict}>
      <span
        aria-hidden="true"
        className={cn(
          "mt-0.5 inline-grid size-5 shrink-0 place-items-center rounded-full border text-xs font-bold",
          style.className,
        )}
      >
        {style.symbol}
      </span>
      <span className="min-w-0">
        <span className="sr-only">{props.verdictLabel}: </span>
        {props.children}
        {props.detail && <span className="block text-xs text-muted">{props.detail}</span>}
      </span>
    </li>
  );
}
