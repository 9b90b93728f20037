"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/cn";
import type { CheckItem } from "./review-checks";

/**
 * The moderator's checklist: each point with the fact the page knows about it. Ticking is the
 * moderator's own note while reviewing; the confirmation dialog lists what was left unticked.
 */
export function ReviewChecklist({
  items,
  checked,
  onToggle,
}: {
  items: CheckItem[];
  checked: ReadonlySet<string>;
  onToggle: (key: string, on: boolean) => void;
}) {
  const t = useTranslations("moderation.checklist");
  const done = items.filter((item) => checked.has(item.key)).length;
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-semibold">{t("title")}</legend>
      <p className="text-sm text-muted">{t("lead")}</p>
      <ul className="space-y-2">
        {items.map((item) => (
          <li key={item.key}>
            <label className="inline-flex cursor-pointer items-start gap-2 text-sm">
              <input
                type="checkbox"
                className="mt-0.5 size-4 shrink-0 accent-brand-700"
                checked={checked.has(item.key)}
                onChange={(e) => onToggle(item.key, e.currentTarget.checked)}
              />
              <span>
                <span className="block">{t(`items.${item.key}`)}</span>
                {item.fact && (
                  <span
                    className={cn("block", item.attention ? "font-medium text-warning-800" : "text-muted")}
                    data-testid={`check-fact-${item.key}`}
                  >
                    {item.fact}
                  </span>
                )}
              </span>
            </label>
          </li>
        ))}
      </ul>
      <p className="text-sm font-medium" aria-live="polite">
        {t("progress", { done, total: items.length })}
      </p>
    </fieldset>
  );
}
