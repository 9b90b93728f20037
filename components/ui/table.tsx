"use client";

import { Children, createContext, isValidElement, use, useEffect, useRef, useState, type ReactNode } from "react";
import { cn } from "../../lib/cn";

/*
 * Under 640 px on a screen (`not-print:max-sm:`) a table becomes a list of cards: the header row is
 * hidden (still read by screen readers), each body row is a card, each cell a "label: value" pair,
 * and nothing scrolls sideways. On paper a table stays a table, whatever the paper's width (a printed
 * contract or performance review keeps its grid). A cell's label is its `data-label`: the `label`
 * given to `TD`, or else its column's header, found while rendering (the header row renders before
 * the body; each row tells its cells their column), so it is in the server's HTML. A cell React cannot
 * place that way (say, the header is not plain text) is labelled in the browser from the header's
 * text. Explicit ARIA roles keep the table a table for assistive technology when its display is no
 * longer `table`. `cards={false}` keeps a table a grid at every width, scrolling inside its box.
 */

export type TableProps = React.ComponentProps<"table"> & {
  containerClassName?: string;
  /** When set, the scroll container becomes a focusable, labelled region (keyboard scrolling). */
  scrollLabel?: string;
  /** Rows as cards under 640 px (the default); `false` keeps the grid, scrolling inside its box. */
  cards?: boolean;
};

/**
 * The column headers of one table, recorded by the header row's cells as they render (before the
 * body's, in document order) and read by the body's cells. Recording the same text again is harmless.
 */
class ColumnHeaders {
  private readonly texts: string[] = [];
  record(column: number, text: string) {
    this.texts[column] = text;
  }
  of(column: number): string | undefined {
    return this.texts[column];
  }
}

/** Whether the table around a part shows its rows as cards on small screens. */
const Cards = createContext(false);
const Headers = createContext<ColumnHeaders | null>(null);
/** Whether a row is in the table's head. */
const InHead = createContext(false);
/** The column a cell starts in, given by its row. */
const Column = createContext<number | null>(null);

/** The explicit role of a part, only where its display may change (cards). */
const roleIf = (cards: boolean, role: string) => (cards ? { role } : {});

/** Kinds of class a caller may set on a cell instead of the default: padding, alignment, wrapping. */
const KINDS = [/^px-/, /^py-/, /^text-(left|center|right|start|end|justify)!?$/, /^whitespace-/];
const kindOf = (name: string) => KINDS.findIndex((kind) => kind.test(name));

/**
 * A cell's default classes less those of a kind its `className` sets without a variant: `cn` joins
 * and does not merge, and of two classes of one kind the stylesheet's order (not the attribute's)
 * would win, so `text-end` beside the default `text-start` was silently lost.
 */
function defaults(classes: string, className: string | undefined): string {
  const own = new Set(
    (className ?? "")
      .split(/\s+/)
      .filter((name) => !name.includes(":"))
      .map(kindOf),
  );
  return classes
    .split(" ")
    .filter((name) => {
      const kind = kindOf(name);
      return kind === -1 || !own.has(kind);
    })
    .join(" ");
}

/** The text of rendered children: strings and numbers, also inside elements. */
function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** Labels, in the browser, the body cells that rendering could not (see the top of this file). */
function labelCells(table: HTMLTableElement) {
  const labels: string[] = [];
  for (const cell of table.tHead?.rows[0]?.cells ?? []) {
    labels.push((cell.textContent ?? "").replace(/\s+/g, " ").trim());
    for (let i = 1; i < cell.colSpan; i++) labels.push("");
  }
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const label = labels[column];
        if (cell.tagName === "TD" && cell.colSpan === 1 && label && !cell.hasAttribute("data-label")) {
          cell.setAttribute("data-label", label);
        }
        column += cell.colSpan;
      }
    }
  }
}

export function Table({ className, containerClassName, scrollLabel, cards = true, ...props }: TableProps) {
  const table = useRef<HTMLTableElement>(null);
  // One list per table, kept across renders: a body row re-rendering alone still finds its headers.
  const [headers] = useState(() => new ColumnHeaders());
  useEffect(() => {
    const element = table.current;
    if (!cards || !element) return;
    labelCells(element);
    // Rows added later are labelled too (labelling changes attributes, which this does not observe).
    const observer = new MutationObserver(() => labelCells(element));
    observer.observe(element, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [cards]);

  return (
    <div
      className={cn(
        "overflow-x-auto rounded-lg border border-border bg-surface",
        cards &&
          "not-print:max-sm:overflow-visible not-print:max-sm:rounded-none not-print:max-sm:border-0 not-print:max-sm:bg-transparent",
        containerClassName,
      )}
      {...(scrollLabel ? { role: "region", "aria-label": scrollLabel, tabIndex: 0 } : {})}
    >
      <Cards value={cards}>
        <Headers value={headers}>
          <table
            {...roleIf(cards, "table")}
            {...props}
            ref={table}
            className={cn("w-full border-collapse text-left text-sm", cards && "not-print:max-sm:block", className)}
          />
        </Headers>
      </Cards>
    </div>
  );
}

export function THead({ className, ...props }: React.ComponentProps<"thead">) {
  const cards = use(Cards);
  return (
    <InHead value={true}>
      <thead
        {...roleIf(cards, "rowgroup")}
        {...props}
        className={cn("bg-surface-muted", cards && "not-print:max-sm:sr-only", className)}
      />
    </InHead>
  );
}

export function TBody({ className, ...props }: React.ComponentProps<"tbody">) {
  const cards = use(Cards);
  return (
    <tbody
      {...roleIf(cards, "rowgroup")}
      {...props}
      className={cn("divide-y divide-border", cards && "not-print:max-sm:block not-print:max-sm:space-y-3", className)}
    />
  );
}

export function TR({ className, children, ...props }: React.ComponentProps<"tr">) {
  const cards = use(Cards);
  // Each cell learns the column it starts in (after the spans of the cells before it).
  const parts = Children.toArray(children);
  const starts: number[] = [];
  let column = 0;
  for (const child of parts) {
    starts.push(column);
    column += isValidElement<{ colSpan?: number }>(child) ? Number(child.props.colSpan ?? 1) : 1;
  }
  const cells = parts.map((child, i) => (
    <Column key={isValidElement(child) && child.key !== null ? child.key : i} value={starts[i]!}>
      {child}
    </Column>
  ));
  return (
    <tr
      {...roleIf(cards, "row")}
      {...props}
      className={cn(
        "align-top",
        cards &&
          "not-print:max-sm:block not-print:max-sm:rounded-lg not-print:max-sm:border not-print:max-sm:border-border not-print:max-sm:p-3 not-print:max-sm:shadow-sm",
        // A row's own background (e.g. a muted inactive row) stays; the other cards are white.
        cards && !/(^|\s)bg-/.test(className ?? "") && "not-print:max-sm:bg-surface",
        className,
      )}
    >
      {cells}
    </tr>
  );
}

export function TH({ className, scope = "col", ...props }: React.ComponentProps<"th">) {
  const cards = use(Cards);
  const headers = use(Headers);
  const column = use(Column);
  if (use(InHead) && headers && column !== null) {
    headers.record(column, textOf(props.children).replace(/\s+/g, " ").trim());
  }
  return (
    <th
      {...roleIf(cards, scope === "row" ? "rowheader" : "columnheader")}
      scope={scope}
      {...props}
      className={cn(
        defaults(
          "border-b border-border px-4 py-2.5 text-start font-semibold whitespace-nowrap text-foreground",
          className,
        ),
        // A row header is its card's title.
        cards &&
          "not-print:max-sm:block not-print:max-sm:border-0 not-print:max-sm:px-0 not-print:max-sm:pt-0 not-print:max-sm:pb-1 not-print:max-sm:font-semibold not-print:max-sm:whitespace-normal",
        className,
      )}
    />
  );
}

/** A body cell; on a card, `label` names it (by default its column's header). */
export function TD({ className, label, ...props }: React.ComponentProps<"td"> & { label?: string }) {
  const cards = use(Cards);
  const headers = use(Headers);
  const column = use(Column);
  const header = cards && column !== null && (props.colSpan ?? 1) === 1 ? headers?.of(column) : undefined;
  return (
    <td
      {...roleIf(cards, "cell")}
      data-label={label ?? (header || undefined)}
      {...props}
      className={cn(
        defaults("px-4 py-3 text-foreground", className),
        cards &&
          "not-print:max-sm:block not-print:max-sm:max-w-none not-print:max-sm:min-w-0 not-print:max-sm:px-0 not-print:max-sm:py-1 not-print:max-sm:break-words not-print:max-sm:whitespace-normal not-print:max-sm:empty:hidden not-print:max-sm:before:block not-print:max-sm:before:text-xs not-print:max-sm:before:font-medium not-print:max-sm:before:text-muted not-print:max-sm:before:content-[attr(data-label)]",
        className,
      )}
    />
  );
}
