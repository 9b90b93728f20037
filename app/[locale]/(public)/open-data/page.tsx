import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Link } from "@/lib/i18n/navigation";
import {
  AUDIT_HEADS_CSV_PATH,
  AUDIT_HEADS_PATH,
  DATASET_FILE_NAMES,
  DATASET_FILES,
  DATASETS,
  LICENCE,
  downloadPath,
} from "@/lib/open-data/catalog";
import { pageAlternates } from "@/lib/seo/urls";

// No data of its own (the downloads are API routes): the same HTML for everybody, rendered on the
// first visit and then served from the cache.

export async function generateMetadata({ params }: PageProps<"/[locale]/open-data">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "openData" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/open-data") };
}

type Row = { id: string; frequency: "live" | "daily"; files: { format: string; url: string }[] };

export default async function OpenDataPage({ params }: PageProps<"/[locale]/open-data">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("openData");
  const rows: Row[] = [
    ...DATASETS.map((d) => ({
      id: d.id,
      frequency: "live" as const,
      files: DATASET_FILE_NAMES.filter((f) => DATASET_FILES[f].dataset === d.id).map((f) => ({
        format: DATASET_FILES[f].format.toUpperCase(),
        url: downloadPath(f),
      })),
    })),
    {
      id: "audit-heads",
      frequency: "daily",
      files: [
        { format: "JSON", url: AUDIT_HEADS_PATH },
        { format: "CSV", url: AUDIT_HEADS_CSV_PATH },
      ],
    },
  ];
  const name = (id: string) => t(`datasets.${id}.name` as "datasets.offers.name");
  return (
    <div className="min-w-0 space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
      </div>

      <section aria-labelledby="licence" className="space-y-2">
        <h2 id="licence" className="text-lg font-semibold">
          {t("licenceTitle")}
        </h2>
        <p>
          {t.rich("licence", {
            licence: `${LICENCE.name} (${LICENCE.id})`,
            link: (chunks) => (
              <a href={LICENCE.url} rel="license" className="underline">
                {chunks}
              </a>
            ),
          })}
        </p>
        {LICENCE.proposed && (
          <p className="inline-block rounded border border-warning-200 bg-warning-50 px-2 py-1 text-sm text-warning-800">
            {t("licenceProposed")}
          </p>
        )}
      </section>

      <section aria-labelledby="datasets" className="space-y-3">
        <h2 id="datasets" className="text-lg font-semibold">
          {t("datasetsTitle")}
        </h2>
        <Table scrollLabel={t("datasetsTitle")}>
          <THead>
            <TR>
              <TH>{t("dataset")}</TH>
              <TH>{t("content")}</TH>
              <TH>{t("frequency")}</TH>
              <TH>{t("downloads")}</TH>
            </TR>
          </THead>
          <TBody>
            {rows.map((row) => (
              <TR key={row.id}>
                <TH scope="row" className="border-b-0 whitespace-normal">
                  {name(row.id)}
                </TH>
                <TD className="min-w-48">{t(`datasets.${row.id}.description` as "datasets.offers.description")}</TD>
                <TD>{t(row.frequency)}</TD>
                <TD>
                  <ul className="space-y-1">
                    {row.files.map((file) => (
                      <li key={file.url}>
                        <a
                          href={file.url}
                          download={row.id !== "audit-heads" ? true : undefined}
                          aria-label={t("fileLink", { name: name(row.id), format: file.format })}
                          className="font-medium text-brand-600 underline"
                        >
                          {file.format}
                        </a>
                      </li>
                    ))}
                  </ul>
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      </section>

      <section aria-labelledby="privacy" className="space-y-2">
        <h2 id="privacy" className="text-lg font-semibold">
          {t("privacyTitle")}
        </h2>
        <p>{t("privacy")}</p>
      </section>

      <section aria-labelledby="format" className="space-y-2">
        <h2 id="format" className="text-lg font-semibold">
          {t("formatTitle")}
        </h2>
        <p>{t("format")}</p>
      </section>

      <section aria-labelledby="api" className="space-y-2">
        <h2 id="api" className="text-lg font-semibold">
          {t("apiTitle")}
        </h2>
        <p>
          {t("api")} <Link href="/developers">{t("apiLink")}</Link> ·{" "}
          <Link href="/statistics">{t("statisticsLink")}</Link>
        </p>
      </section>
    </div>
  );
}
