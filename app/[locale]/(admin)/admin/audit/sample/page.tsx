import { randomBytes } from "node:crypto";
import type { Metadata } from "next";
import { getLocale, getTranslations, setRequestLocale } from "next-intl/server";
import { SampleForm } from "@/components/admin/audit/sample-form";
import { SampleTable } from "@/components/admin/audit/sample-table";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { drawSample, SampleInputSchema } from "@/lib/audit/sample";
import { auditContext, requirePermission } from "@/lib/auth/session";
import { getPathname, Link } from "@/lib/i18n/navigation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("sample.title"), robots: { index: false } };
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * The auditor's reproducible sample of deals (issue #13 item 6). The form is a GET form, so a drawn
 * sample has a URL with its seed and filters; the archive link carries the same query.
 */
export default async function AuditSamplePage({ params, searchParams }: PageProps<"/[locale]/admin/audit/sample">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const user = await requirePermission("audit:export");
  const t = await getTranslations("auditLog");
  const query = await searchParams;
  const values = Object.fromEntries(
    ["seed", "size", "from", "to", "state", "origin"].map((k) => [k, first(query[k])?.trim() ?? ""]),
  );
  const drawn = values.seed !== "";
  const parsed = drawn ? SampleInputSchema.safeParse(values) : null;
  const fieldErrors: Record<string, string> = {};
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "seed");
      fieldErrors[field] ??=
        issue.message === "invalid_range" ? t("sample.errors.invalid_range") : t("sample.errors.invalid");
    }
  }
  const sample = parsed?.success ? await drawSample(user, await auditContext(user, "audit:export"), parsed.data) : null;
  const newSeed = randomBytes(8).toString("hex");
  const action = getPathname({ href: "/admin/audit/sample", locale: await getLocale() });
  const archiveHref = parsed?.success
    ? `/api/admin/audit/archive?${new URLSearchParams(
        Object.entries(values).filter(([, v]) => v !== "") as [string, string][],
      ).toString()}`
    : null;

  return (
    <div className="space-y-6">
      <header className="max-w-3xl space-y-2">
        <Link href="/admin/audit" className="text-sm underline">
          ← {t("history.back")}
        </Link>
        <h1 className="text-2xl font-bold">{t("sample.title")}</h1>
        <p className="text-muted">{t("sample.lead")}</p>
      </header>
      <SampleForm
        action={action}
        values={{ ...values, seed: values.seed || newSeed, size: values.size || "20" }}
        newSeed={newSeed}
        errors={fieldErrors}
      />
      <section aria-labelledby="sample-algorithm" className="max-w-3xl space-y-1 text-sm">
        <h2 id="sample-algorithm" className="font-semibold">
          {t("sample.algorithmTitle")}
        </h2>
        <p className="text-muted">{t("sample.algorithm")}</p>
      </section>
      {Object.keys(fieldErrors).length > 0 && <Alert tone="danger">{t("sample.invalid")}</Alert>}
      {sample && parsed?.success && (
        <section aria-labelledby="sample-result" className="space-y-4">
          <p id="sample-result" role="status" className="font-medium">
            {t("sample.result", {
              count: sample.deals.length,
              population: sample.population,
              seed: parsed.data.seed,
            })}
          </p>
          {sample.deals.length === 0 ? (
            <EmptyState title={t("sample.empty")} description={t("sample.emptyHint")} />
          ) : (
            <>
              <SampleTable deals={sample.deals} />
              {archiveHref && (
                <div className="space-y-1">
                  <a href={archiveHref} className={buttonClasses("primary")} download>
                    {t("sample.download")}
                  </a>
                  <p className="max-w-3xl text-sm text-muted">{t("sample.downloadHint")}</p>
                </div>
              )}
            </>
          )}
        </section>
      )}
    </div>
  );
}
