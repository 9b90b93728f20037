import { getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { MAX_SAMPLE_SIZE } from "@/lib/audit/sample";
import { DealOrigin, DealState } from "@/lib/generated/prisma/enums";

/** The sample's filters, size and seed: a GET form, so the drawn sample's URL can be kept and shared. */
export async function SampleForm({
  action,
  values,
  newSeed,
  errors,
}: {
  action: string;
  values: Record<string, string>;
  newSeed: string;
  errors: Record<string, string>;
}) {
  const t = await getTranslations("auditLog.sample");
  const tdeal = await getTranslations("deals");
  const fresh = new URLSearchParams(
    Object.entries({ ...values, seed: newSeed }).filter(([, v]) => v !== "") as [string, string][],
  );
  return (
    <form method="get" action={action} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="sample-from" label={t("from")} error={errors.from}>
          {(aria) => <Input {...aria} type="date" name="from" defaultValue={values.from} />}
        </Field>
        <Field id="sample-to" label={t("to")} error={errors.to}>
          {(aria) => <Input {...aria} type="date" name="to" defaultValue={values.to} />}
        </Field>
        <Field id="sample-state" label={t("state")} error={errors.state}>
          {(aria) => (
            <Select {...aria} name="state" defaultValue={values.state}>
              <option value="">{t("anyState")}</option>
              {Object.values(DealState).map((s) => (
                <option key={s} value={s}>
                  {tdeal(`states.${s}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="sample-origin" label={t("origin")} error={errors.origin}>
          {(aria) => (
            <Select {...aria} name="origin" defaultValue={values.origin}>
              <option value="">{t("anyOrigin")}</option>
              {Object.values(DealOrigin).map((o) => (
                <option key={o} value={o}>
                  {tdeal(`origins.${o}`)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          id="sample-size"
          label={t("size")}
          hint={t("sizeHint", { max: MAX_SAMPLE_SIZE })}
          error={errors.size}
          required
        >
          {(aria) => (
            <Input {...aria} type="number" name="size" min={1} max={MAX_SAMPLE_SIZE} defaultValue={values.size} />
          )}
        </Field>
        <Field
          id="sample-seed"
          label={t("seed")}
          hint={t("seedHint")}
          error={errors.seed}
          className="lg:col-span-3"
          required
        >
          {(aria) => (
            <Input
              {...aria}
              name="seed"
              defaultValue={values.seed}
              maxLength={64}
              pattern="[A-Za-z0-9_\-]{1,64}"
              className="font-mono"
              spellCheck={false}
            />
          )}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("draw")}</Button>
        <a href={`${action}?${fresh.toString()}`} className={buttonClasses("secondary")}>
          {t("newSeed")}
        </a>
      </div>
    </form>
  );
}
