import type { ReactNode } from "react";

export type Fact = { label: string; value: ReactNode; testId?: string };

/** A definition list of a listing's facts; facts without a value are left out. */
export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <dl className="divide-y divide-border text-sm">
      {facts
        .filter((fact) => fact.value !== null && fact.value !== undefined && fact.value !== "")
        .map((fact) => (
          <div key={fact.label} className="space-y-0.5 py-2.5" data-testid={fact.testId}>
            <dt className="font-medium text-muted">{fact.label}</dt>
            <dd className="text-foreground">{fact.value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A short list of labels (transfer forms, methods...) inside a fact. */
export function LabelList({ items }: { items: string[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="list-disc space-y-0.5 ps-4">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}
