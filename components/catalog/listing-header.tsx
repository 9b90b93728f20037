import type { ReactNode } from "react";
import { Link } from "@/lib/i18n/navigation";

/** Back link, badges, title and summary of a listing detail page. */
export function ListingHeader(props: {
  backHref: "/technologies" | "/demands" | "/organizations" | "/experts";
  backLabel: string;
  badges: ReactNode;
  title: string;
  summary?: string | null;
}) {
  return (
    <header className="space-y-3">
      <Link href={props.backHref} className="text-sm font-medium text-brand-700 hover:underline">
        <span aria-hidden="true">← </span>
        {props.backLabel}
      </Link>
      <div className="flex flex-wrap gap-1.5" data-testid="listing-badges">
        {props.badges}
      </div>
      <h1 className="max-w-4xl text-2xl font-bold leading-tight md:text-3xl">{props.title}</h1>
      {props.summary && <p className="max-w-3xl text-lg text-muted">{props.summary}</p>}
    </header>
  );
}
