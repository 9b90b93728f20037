"use client";

import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { useActionForm } from "@/components/ui/use-action-form";
import type { ActionResult } from "@/lib/errors";

type Action = (prev: ActionResult, data: FormData) => Promise<ActionResult>;

/** One indicator's target for the period: value, ≥/≤ and a note; saved on its own. */
export function TargetForm({
  metric,
  label,
  period,
  unit,
  current,
  defaultComparator,
  action,
  removeAction,
}: {
  metric: string;
  label: string;
  period: string;
  unit: string;
  current: { target: number; comparator: string; note: string | null } | null;
  defaultComparator: "gte" | "lte";
  action: Action;
  removeAction?: Action;
}) {
  const t = useTranslations("oversight.targets");
  const { state, pending, onSubmit, errors, formError } = useActionForm(action);
  const remove = useActionForm(removeAction ?? (async () => ({ ok: true }) as ActionResult));
  const id = `target-${metric}`;
  return (
    <div className="border-b border-border py-3 last:border-0" data-testid="target-row" data-metric={metric}>
      <form
        noValidate
        onSubmit={onSubmit()}
        className="grid items-end gap-2 md:grid-cols-[minmax(0,2fr)_8rem_9rem_minmax(0,1.5fr)_auto]"
      >
        <input type="hidden" name="metric" value={metric} />
        <input type="hidden" name="period" value={period} />
        <label htmlFor={id} className="text-sm font-medium">
          {label} <span className="font-normal text-muted">({unit})</span>
        </label>
        <div>
          <Input
            id={id}
            name="target"
            inputMode="decimal"
            defaultValue={current ? String(current.target) : ""}
            aria-invalid={errors.target ? true : undefined}
            aria-describedby={errors.target ? `${id}-error` : undefined}
            aria-label={`${label}: ${t("title", { period })}`}
          />
        </div>
        <Select name="comparator" defaultValue={current?.comparator ?? defaultComparator} aria-label={t("comparator")}>
          <option value="gte">{t("gte")}</option>
          <option value="lte">{t("lte")}</option>
        </Select>
        <Input
          name="note"
          defaultValue={current?.note ?? ""}
          maxLength={1000}
          aria-label={t("note")}
          placeholder={t("note")}
        />
        <Button type="submit" size="sm" pending={pending}>
          {t("save")}
        </Button>
      </form>
      {errors.target && (
        <p id={`${id}-error`} className="mt-1 text-sm text-danger-700">
          {errors.target[0]}
        </p>
      )}
      {formError && <Alert tone="danger">{formError}</Alert>}
      {state.ok && state.message === "saved" && <p className="mt-1 text-sm text-success-700">{t("saved")}</p>}
      {current && removeAction && (
        <form onSubmit={remove.onSubmit(t("confirmRemove"))} className="mt-1">
          <Button type="submit" size="sm" variant="ghost" pending={remove.pending}>
            {t("remove")}
          </Button>
          {remove.state.ok && remove.state.message && <span className="text-sm text-muted"> {t("removed")}</span>}
        </form>
      )}
    </div>
  );
}
