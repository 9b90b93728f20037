import { cn } from "@/lib/cn";
import type { ReviewField } from "./review-fields";

/**
 * One field's words: a list for multi-choice fields, free text with its line breaks. `marked`
 * items of a list (added or removed by a revision) are emphasised, with `markLabel` after them.
 */
export function FieldValue({
  field,
  marked,
  markLabel,
}: {
  field: ReviewField;
  marked?: ReadonlySet<string>;
  markLabel?: string;
}) {
  if (Array.isArray(field.value)) {
    return (
      <ul className="list-disc space-y-0.5 ps-4">
        {field.value.map((item) => (
          <li key={item} className={cn(marked?.has(item) && "font-semibold")}>
            {item}
            {marked?.has(item) && markLabel && <span className="text-xs font-normal"> ({markLabel})</span>}
          </li>
        ))}
      </ul>
    );
  }
  return <span className={cn(field.text && "whitespace-pre-line")}>{field.value}</span>;
}

/** Every field as a definition list, two columns from 768 px. */
export function FieldList({ fields }: { fields: ReviewField[] }) {
  return (
    <dl className="grid gap-x-4 gap-y-3 text-sm md:grid-cols-[14rem_1fr]">
      {fields.map((field) => (
        <div key={field.key} className="contents">
          <dt className="font-medium">{field.label}</dt>
          <dd className="break-words">
            <FieldValue field={field} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
