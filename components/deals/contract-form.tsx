"use client";

import { useLocale, useTranslations } from "next-intl";
import { useActionState, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select, Textarea } from "@/components/ui/input";
import { ART23_ITEMS, type ContractField } from "@/lib/deals/contract";
import { ARTICLE_TITLES, FIELD_LABELS, type Label } from "@/lib/deals/contract-document";
import type { ActionResult } from "@/lib/errors";
import { CONTRACT_WIDGETS, RESPONSIBLE_OPTIONS, type Widget } from "./contract-fields";

type Saved = { versionNo: number; sha256: string };
type Action = (prev: ActionResult<Saved>, data: FormData) => Promise<ActionResult<Saved>>;

/** The content as the page passes it: JSON-safe (amounts as decimal strings, dates as "YYYY-MM-DD"). */
export type ContractDraft = Partial<Record<ContractField, unknown>>;
type Row = Record<string, string>;

const asString = (v: unknown) => (v === undefined || v === null ? "" : String(v));
const rowsOf = (v: unknown, fields: readonly string[]): Row[] =>
  Array.isArray(v)
    ? v.map((r) => Object.fromEntries(fields.map((f) => [f, asString((r as Record<string, unknown>)[f])])))
    : [];

/**
 * The contract builder (issue #12 item 3): the 14 items of Law 07/2017 Art. 23 in the law's order,
 * each with its guidance, the milestones and support obligations as rows. Saving makes a new
 * version; every typed value stays on an error, and the errors show at their fields.
 */
export function ContractForm({ draft, action }: { draft: ContractDraft; action: Action }) {
  const t = useTranslations("deals.contract");
  const locale = useLocale() === "en" ? "en" : "vi";
  const label = (l: Label) => l[locale];
  const [state, dispatch] = useActionState<ActionResult<{ versionNo: number }>, FormData>(
    action as (
      prev: ActionResult<{ versionNo: number }>,
      data: FormData,
    ) => Promise<ActionResult<{ versionNo: number }>>,
    { ok: true },
  );
  const [pending, startTransition] = useTransition();
  const [milestones, setMilestones] = useState<Row[]>(() => {
    const rows = rowsOf(draft.milestones, ["title", "dueDate", "responsible", "deliverable", "amount"]);
    return rows.length > 0 ? rows : [{}];
  });
  const [support, setSupport] = useState<Row[]>(() => rowsOf(draft.supportObligations, ["description", "until"]));
  const errors = state.ok ? {} : state.fieldErrors;
  const errorCount = Object.keys(errors).length;

  const control = (field: ContractField, widget: Widget) => {
    const id = `contract-${field}`;
    const value = draft[field];
    const common = { id, label: label(FIELD_LABELS[field]), error: errors[field] };
    switch (widget.kind) {
      case "line":
        return (
          <Field key={field} {...common}>
            {(aria) => <Input {...aria} name={field} defaultValue={asString(value)} maxLength={widget.max} />}
          </Field>
        );
      case "text":
        return (
          <Field key={field} {...common}>
            {(aria) => (
              <Textarea
                {...aria}
                name={field}
                defaultValue={asString(value)}
                rows={widget.rows}
                maxLength={widget.max}
              />
            )}
          </Field>
        );
      case "amount":
        return (
          <Field key={field} {...common} hint={t("amountHint")}>
            {(aria) => (
              <Input {...aria} name={field} defaultValue={asString(value)} inputMode="numeric" maxLength={30} />
            )}
          </Field>
        );
      case "date":
        return (
          <Field key={field} {...common}>
            {(aria) => <Input {...aria} type="date" name={field} defaultValue={asString(value)} />}
          </Field>
        );
      case "enum":
        return (
          <Field key={field} {...common}>
            {(aria) => (
              <Select {...aria} name={field} defaultValue={asString(value)}>
                <option value="">{t("choose")}</option>
                {widget.options.map((o) => (
                  <option key={o} value={o}>
                    {label(widget.labels[o]!)}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        );
      case "yesno":
        return (
          <fieldset key={field} className="space-y-1.5" aria-describedby={errors[field] ? `${id}-error` : undefined}>
            <legend className="text-sm font-medium">{common.label}</legend>
            <div className="flex gap-4 text-sm">
              {(["true", "false"] as const).map((v) => (
                <label key={v} className="inline-flex items-center gap-2">
                  <input type="radio" name={field} value={v} defaultChecked={asString(value) === v} />
                  {t(v === "true" ? "yes" : "no")}
                </label>
              ))}
            </div>
            {errors[field] && (
              <p id={`${id}-error`} className="text-sm text-danger-700">
                {errors[field]!.join(" ")}
              </p>
            )}
          </fieldset>
        );
      case "set": {
        const chosen = Array.isArray(value) ? (value as string[]) : [];
        return (
          <fieldset key={field} className="space-y-1.5" aria-describedby={errors[field] ? `${id}-error` : undefined}>
            <legend className="text-sm font-medium">{common.label}</legend>
            <div className="grid gap-1 text-sm sm:grid-cols-2">
              {widget.options.map((o) => (
                <label key={o} className="inline-flex items-start gap-2">
                  <input type="checkbox" name={field} value={o} defaultChecked={chosen.includes(o)} className="mt-1" />
                  {label(widget.labels[o]!)}
                </label>
              ))}
            </div>
            {errors[field] && (
              <p id={`${id}-error`} className="text-sm text-danger-700">
                {errors[field]!.join(" ")}
              </p>
            )}
          </fieldset>
        );
      }
      case "milestones":
        return (
          <RowsFieldset
            key={field}
            legend={common.label}
            hint={t("milestonesHint")}
            rows={milestones}
            setRows={setMilestones}
            rowClassName="md:grid-cols-2"
            rowTestId="milestone-row"
            removeLabel={(n) => t("milestone.remove", { n })}
            addLabel={t("milestone.add")}
            error={errors.milestones}
          >
            {(row, i) => (
              <>
                <Field id={`m-${i}-title`} label={t("milestone.title", { n: i + 1 })}>
                  {(aria) => (
                    <Input {...aria} name={`milestones.${i}.title`} defaultValue={row.title} maxLength={300} />
                  )}
                </Field>
                <Field id={`m-${i}-due`} label={t("milestone.dueDate", { n: i + 1 })}>
                  {(aria) => (
                    <Input {...aria} type="date" name={`milestones.${i}.dueDate`} defaultValue={row.dueDate} />
                  )}
                </Field>
                <Field id={`m-${i}-resp`} label={t("milestone.responsible", { n: i + 1 })}>
                  {(aria) => (
                    <Select {...aria} name={`milestones.${i}.responsible`} defaultValue={row.responsible}>
                      <option value="">{t("choose")}</option>
                      {RESPONSIBLE_OPTIONS.map((o) => (
                        <option key={o.value} value={o.value}>
                          {label(o.label)}
                        </option>
                      ))}
                    </Select>
                  )}
                </Field>
                <Field id={`m-${i}-amount`} label={t("milestone.amount", { n: i + 1 })}>
                  {(aria) => (
                    <Input
                      {...aria}
                      name={`milestones.${i}.amount`}
                      defaultValue={row.amount}
                      inputMode="numeric"
                      maxLength={30}
                    />
                  )}
                </Field>
                <Field
                  id={`m-${i}-deliverable`}
                  label={t("milestone.deliverable", { n: i + 1 })}
                  className="md:col-span-2"
                >
                  {(aria) => (
                    <Textarea
                      {...aria}
                      name={`milestones.${i}.deliverable`}
                      defaultValue={row.deliverable}
                      rows={2}
                      maxLength={2_000}
                    />
                  )}
                </Field>
              </>
            )}
          </RowsFieldset>
        );
      case "support":
        return (
          <RowsFieldset
            key={field}
            legend={common.label}
            rows={support}
            setRows={setSupport}
            rowClassName="md:grid-cols-[1fr_12rem]"
            removeLabel={(n) => t("support.remove", { n })}
            addLabel={t("support.add")}
            error={errors.supportObligations}
          >
            {(row, i) => (
              <>
                <Field id={`s-${i}-description`} label={t("support.description", { n: i + 1 })}>
                  {(aria) => (
                    <Textarea
                      {...aria}
                      name={`supportObligations.${i}.description`}
                      defaultValue={row.description}
                      rows={2}
                      maxLength={2_000}
                    />
                  )}
                </Field>
                <Field id={`s-${i}-until`} label={t("support.until", { n: i + 1 })}>
                  {(aria) => (
                    <Input {...aria} type="date" name={`supportObligations.${i}.until`} defaultValue={row.until} />
                  )}
                </Field>
              </>
            )}
          </RowsFieldset>
        );
    }
  };

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        startTransition(() => dispatch(data));
      }}
    >
      {!state.ok && state.formError && <Alert tone="danger">{state.formError}</Alert>}
      {errorCount > 0 && <Alert tone="danger">{t("fixErrors", { count: errorCount })}</Alert>}
      {state.ok && state.message === "saved" && state.data && (
        <Alert tone="success">{t("saved", { version: state.data.versionNo })}</Alert>
      )}
      {ART23_ITEMS.map((item) => (
        <section
          key={item.key}
          aria-labelledby={`item-${item.key}`}
          className="space-y-4 rounded-lg border border-border bg-white p-4"
        >
          <header>
            <h3 id={`item-${item.key}`} className="font-semibold">
              {t("itemHeading", { no: item.no, title: label(ARTICLE_TITLES[item.key]) })}
            </h3>
            <p className="mt-1 text-sm text-muted">{t(`guidance.${item.key}`)}</p>
          </header>
          {item.fields.map((field) => control(field, CONTRACT_WIDGETS[field]))}
        </section>
      ))}
      <div className="sticky bottom-0 border-t border-border bg-surface-muted py-3">
        <Button type="submit" pending={pending}>
          {t("save")}
        </Button>
      </div>
    </form>
  );
}

/**
 * A list of repeated rows (milestones, support obligations): each row's fields, a button to remove
 * it, the list's error, and a button to add an empty row. Rows are numbered from 1 in the labels.
 */
function RowsFieldset({
  legend,
  hint,
  rows,
  setRows,
  rowClassName,
  rowTestId,
  removeLabel,
  addLabel,
  error,
  children,
}: {
  legend: React.ReactNode;
  hint?: string;
  rows: readonly Row[];
  setRows: React.Dispatch<React.SetStateAction<Row[]>>;
  rowClassName: string;
  rowTestId?: string;
  removeLabel: (n: number) => string;
  addLabel: string;
  error?: string[];
  children: (row: Row, index: number) => React.ReactNode;
}) {
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {rows.map((row, i) => (
        <div
          key={i}
          className={`grid gap-3 rounded-md border border-border p-3 ${rowClassName}`}
          data-testid={rowTestId}
        >
          {children(row, i)}
          <div className="md:col-span-2">
            <Button
              type="button"
              size="sm"
              variant="ghost"
              onClick={() => setRows((current) => current.filter((_, j) => j !== i))}
            >
              {removeLabel(i + 1)}
            </Button>
          </div>
        </div>
      ))}
      {error && <p className="text-sm text-danger-700">{error.join(" ")}</p>}
      <Button type="button" size="sm" variant="secondary" onClick={() => setRows((current) => [...current, {}])}>
        {addLabel}
      </Button>
    </fieldset>
  );
}
