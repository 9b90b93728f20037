import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ContractField } from "@/lib/deals/contract";
import { diffContracts, type ContractChange } from "@/lib/deals/contract-diff";
import { ARTICLE_TITLES, FIELD_LABELS, SIDE_LABELS, type DocumentLocale } from "@/lib/deals/contract-document";
import type { ContractVersionView } from "@/lib/deals/contract-queries";
import { Link } from "@/lib/i18n/navigation";
import type { JsonValue } from "@/lib/json";
import { CONTRACT_WIDGETS } from "./contract-fields";

/** A changed value as a reader reads it: labels for enum values, yes/no, "—" for nothing. */
function readable(field: string, value: JsonValue, locale: DocumentLocale, yes: string, no: string): string {
  if (value === null || value === undefined) return "—";
  const base = field.split(".")[0] as ContractField;
  const widget = CONTRACT_WIDGETS[base];
  const sub = field.split(".")[2];
  if (sub === "responsible" && (value === "provider" || value === "seeker")) return SIDE_LABELS[value][locale];
  if (widget && (widget.kind === "enum" || widget.kind === "set")) {
    const values = Array.isArray(value) ? value : [value];
    return values.map((v) => widget.labels[String(v)]?.[locale] ?? String(v)).join(", ");
  }
  if (typeof value === "boolean") return value ? yes : no;
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * Every version of the contract: who saved it when, its SHA-256 and confirmations, its print page
 * and downloads; and a readable comparison of any two versions (`?from=1&to=3`).
 */
export async function ContractVersions({
  reference,
  versions,
  compare,
  locale,
}: {
  reference: string;
  versions: readonly ContractVersionView[];
  compare: { from: number; to: number } | null;
  locale: DocumentLocale;
}) {
  const t = await getTranslations("deals.contract");
  const format = await getFormatter();
  const a = compare ? versions.find((v) => v.versionNo === compare.from) : undefined;
  const b = compare ? versions.find((v) => v.versionNo === compare.to) : undefined;
  const changes: ContractChange[] = a?.content && b?.content ? diffContracts(a.content, b.content) : [];
  const fieldLabel = (field: string) => {
    const [base, index, sub] = field.split(".");
    const label = FIELD_LABELS[base as ContractField]?.[locale] ?? field;
    return index === undefined ? label : `${label} ${Number(index) + 1}${sub ? ` · ${t(`diffSub.${sub}`)}` : ""}`;
  };
  return (
    <section aria-labelledby="contract-versions" className="space-y-4">
      <h2 id="contract-versions" className="text-lg font-semibold">
        {t("versions")}
      </h2>
      <Table scrollLabel={t("versions")}>
        <THead>
          <TR>
            <TH>{t("column.version")}</TH>
            <TH>{t("column.saved")}</TH>
            <TH>{t("column.confirmations")}</TH>
            <TH>SHA-256</TH>
            <TH>{t("column.documents")}</TH>
          </TR>
        </THead>
        <TBody>
          {versions.map((v) => (
            <TR key={v.versionNo}>
              <TH scope="row">{t("versionLabel", { version: v.versionNo })}</TH>
              <TD>
                {format.dateTime(v.createdAt, "datetime")}
                {v.createdBy ? ` · ${v.createdBy}` : ""}
              </TD>
              <TD>
                {v.confirmations.length === 0
                  ? "—"
                  : v.confirmations.map((c) => `${t(`sides.${c.side}`)} (${c.by})`).join(", ")}
              </TD>
              <TD className="font-mono text-xs" title={v.sha256}>
                {v.sha256.slice(0, 12)}…
              </TD>
              <TD>
                <span className="flex flex-wrap gap-2">
                  <Link
                    href={`/account/deals/${reference}/contract/${v.versionNo}`}
                    className="text-brand-700 underline"
                  >
                    {t("view")}
                  </Link>
                  <a href={`/api/deals/${reference}/contract/${v.versionNo}/pdf`} className="text-brand-700 underline">
                    PDF
                  </a>
                  <a href={`/api/deals/${reference}/contract/${v.versionNo}/docx`} className="text-brand-700 underline">
                    DOCX
                  </a>
                </span>
              </TD>
            </TR>
          ))}
        </TBody>
      </Table>
      {versions.length > 1 && (
        <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("compare")}>
          {(["from", "to"] as const).map((name) => (
            <label key={name} className="text-sm">
              <span className="block font-medium">{t(name === "from" ? "compareFrom" : "compareTo")}</span>
              <select
                name={name}
                defaultValue={String(compare?.[name] ?? versions[name === "from" ? 1 : 0]!.versionNo)}
                className="form-control"
              >
                {versions.map((v) => (
                  <option key={v.versionNo} value={v.versionNo}>
                    {t("versionLabel", { version: v.versionNo })}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <button type="submit" className={buttonClasses("secondary", "sm")}>
            {t("compare")}
          </button>
        </form>
      )}
      {a && b && (
        <div className="space-y-2" data-testid="contract-diff">
          <h3 className="font-semibold">
            {t("changes", { from: a.versionNo, to: b.versionNo, count: changes.length })}
          </h3>
          {changes.length === 0 ? (
            <p className="text-sm text-muted">{t("noChanges")}</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {changes.map((c) => (
                <li key={c.field} className="rounded-md border border-border bg-white p-3">
                  <p className="text-xs text-muted">
                    {t("itemHeading", { no: c.no, title: ARTICLE_TITLES[c.item][locale] })}
                  </p>
                  <p className="font-medium">{fieldLabel(c.field)}</p>
                  <p className="mt-1">
                    <del className="bg-danger-50 text-danger-800">
                      {readable(c.field, c.before, locale, t("yes"), t("no"))}
                    </del>
                  </p>
                  <p>
                    <ins className="bg-success-50 text-success-800 no-underline">
                      {readable(c.field, c.after, locale, t("yes"), t("no"))}
                    </ins>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
