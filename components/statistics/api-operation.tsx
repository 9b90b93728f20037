import { getTranslations } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { JsonSchema, Operation } from "@/lib/open-data/openapi-types";

/** A schema's type as a reader wants it: the enum's values, the referenced schema's name, or the type. */
function typeOf(schema: JsonSchema): string {
  if (schema.$ref) return schema.$ref.split("/").at(-1)!;
  if (schema.enum) return schema.enum.join(" | ");
  const type = Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
  return schema.format ? `${type} (${schema.format})` : type;
}

/**
 * One endpoint of the /developers page, drawn from its OpenAPI operation: summary, description,
 * parameters, responses, and an example request and answer.
 */
export async function ApiOperation({
  id,
  path,
  operation,
  locale,
  origin,
}: {
  id: string;
  path: string;
  operation: Operation;
  locale: string;
  origin: string;
}) {
  const t = await getTranslations("openData.developers");
  const vi = locale === "vi";
  const ok = operation.responses["200"];
  const media = ok?.content ? Object.values(ok.content)[0] : undefined;
  const example = media?.example;
  const parameters = operation.parameters ?? [];
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-3 rounded-lg border border-border bg-surface p-4">
      <h3 id={id} className="font-mono text-base font-semibold break-all">
        <span className="rounded bg-brand-600 px-1.5 py-0.5 text-xs text-white">GET</span> {path}
      </h3>
      <p className="font-medium">{vi ? operation["x-summary-vi"] : operation.summary}</p>
      <p className="text-sm text-muted">{vi ? operation["x-description-vi"] : operation.description}</p>

      <h4 className="text-sm font-semibold">{t("parameters")}</h4>
      {parameters.length === 0 ? (
        <p className="text-sm text-muted">{t("noParameters")}</p>
      ) : (
        <Table scrollLabel={`${t("parameters")} ${path}`}>
          <THead>
            <TR>
              <TH>{t("name")}</TH>
              <TH>{t("in")}</TH>
              <TH>{t("type")}</TH>
              <TH>{t("required")}</TH>
              <TH>{t("description")}</TH>
            </TR>
          </THead>
          <TBody>
            {parameters.map((p) => (
              <TR key={`${p.in}-${p.name}`}>
                <TH scope="row" className="border-b-0 font-mono">
                  {p.name}
                </TH>
                <TD>{t(p.in)}</TD>
                <TD className="max-w-56 font-mono text-xs break-words">{typeOf(p.schema)}</TD>
                <TD>{p.required ? t("yes") : t("no")}</TD>
                <TD className="min-w-56">{vi ? p["x-description-vi"] : p.description}</TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      <h4 className="text-sm font-semibold">{t("responses")}</h4>
      <ul className="text-sm">
        {Object.entries(operation.responses).map(([status, response]) => (
          <li key={status}>
            <span className="font-mono font-semibold">{status}</span> — {response.description}
          </li>
        ))}
      </ul>

      <h4 className="text-sm font-semibold">{t("exampleRequest")}</h4>
      {/* Scrollable, so focusable: keyboard users scroll it too (each a uniquely named region). */}
      <pre
        tabIndex={0}
        role="region"
        aria-label={`${t("exampleRequest")}: ${path}`}
        className="overflow-x-auto rounded bg-surface-muted p-3 text-xs"
      >
        <code>{`curl "${origin}${operation["x-example-request"]}"`}</code>
      </pre>
      {example !== undefined && (
        <>
          <h4 className="text-sm font-semibold">{t("exampleResponse")}</h4>
          <pre
            tabIndex={0}
            role="region"
            aria-label={`${t("exampleResponse")}: ${path}`}
            className="max-h-96 overflow-auto rounded bg-surface-muted p-3 text-xs"
          >
            <code>{typeof example === "string" ? example : JSON.stringify(example, null, 2)}</code>
          </pre>
        </>
      )}
    </section>
  );
}
