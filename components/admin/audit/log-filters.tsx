import { getTranslations } from "next-intl/server";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import type { AuditFilter } from "@/lib/audit/browse";
import { ALL_ROLES } from "@/lib/authz";
import { auditLabels } from "./labels";

const ENTITY_TYPES = [
  "offer",
  "demand",
  "deal",
  "registration",
  "organization",
  "user",
  "attachment",
  "membership_request",
  "organization_invite",
  "match",
  "flag",
  "kpi_target",
  "expert",
  "notification",
  "audit_log",
  "audit_sample",
  "system",
] as const;

/** The log's filter form: a plain GET form, so every filtered view has its own URL. */
export async function LogFilters({ action, filter }: { action: string; filter: AuditFilter }) {
  const t = await getTranslations("auditLog");
  const tr = await getTranslations("roles");
  const labels = auditLabels(t, tr);
  const groups = new Map<string, string[]>();
  for (const a of AUDIT_ACTIONS) {
    const subject = a.split(".")[0]!;
    (groups.get(subject) ?? groups.set(subject, []).get(subject)!).push(a);
  }
  return (
    <form method="get" action={action} className="space-y-4" aria-labelledby="audit-filters">
      <h2 id="audit-filters" className="text-lg font-semibold">
        {t("log.filtersTitle")}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="audit-actor" label={t("log.actor")} hint={t("log.actorHint")}>
          {(aria) => <Input {...aria} name="actor" defaultValue={filter.actor ?? ""} maxLength={120} />}
        </Field>
        <Field id="audit-role" label={t("log.role")}>
          {(aria) => (
            <Select {...aria} name="role" defaultValue={filter.role ?? ""}>
              <option value="">{t("log.anyRole")}</option>
              {[...ALL_ROLES, "system", "anonymous"].map((role) => (
                <option key={role} value={role}>
                  {labels.role(role)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-action" label={t("log.action")} className="lg:col-span-2">
          {(aria) => (
            <Select {...aria} name="action" defaultValue={filter.action ?? ""}>
              <option value="">{t("log.anyAction")}</option>
              {[...groups].map(([subject, actions]) => (
                <optgroup key={subject} label={labels.entityType(subject)}>
                  {actions.map((a) => (
                    <option key={a} value={a}>
                      {labels.action(a)}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-entity-type" label={t("log.entityType")}>
          {(aria) => (
            <Select {...aria} name="entityType" defaultValue={filter.entityType ?? ""}>
              <option value="">{t("log.anyEntityType")}</option>
              {[...new Set([...ENTITY_TYPES, ...(filter.entityType ? [filter.entityType] : [])])].map((type) => (
                <option key={type} value={type}>
                  {labels.entityType(type)}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id="audit-entity-id" label={t("log.entityId")}>
          {(aria) => <Input {...aria} name="entityId" defaultValue={filter.entityId ?? ""} maxLength={80} />}
        </Field>
        <Field id="audit-from" label={t("log.from")}>
          {(aria) => <Input {...aria} type="date" name="from" defaultValue={filter.from ?? ""} />}
        </Field>
        <Field id="audit-to" label={t("log.to")}>
          {(aria) => <Input {...aria} type="date" name="to" defaultValue={filter.to ?? ""} />}
        </Field>
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit">{t("log.apply")}</Button>
        <a href={action} className={buttonClasses("secondary")}>
          {t("log.reset")}
        </a>
      </div>
    </form>
  );
}
