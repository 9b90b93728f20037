import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ApiOperation } from "@/components/statistics/api-operation";
import { Link } from "@/lib/i18n/navigation";
import { OPENAPI } from "@/lib/open-data/openapi";
import { pageAlternates, publicBaseUrl } from "@/lib/seo/urls";

// Rendered from the OpenAPI document (a constant): the same HTML for everybody, cached after the
// first visit.

export async function generateMetadata({ params }: PageProps<"/[locale]/developers">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "openData.developers" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/developers") };
}

const anchor = (path: string) => `op-${path.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "")}`;

export default async function DevelopersPage({ params }: PageProps<"/[locale]/developers">) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations("openData.developers");
  const origin = publicBaseUrl().origin;
  const paths = Object.entries(OPENAPI.paths);
  return (
    <div className="min-w-0 space-y-8">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t("title")}</h1>
        <p className="text-muted">{t("lead")}</p>
        <p className="text-sm">{t("caching")}</p>
        <p>
          <a href="/api/v1/openapi.json" className="font-medium text-brand-600 underline">
            {t("document")}
          </a>{" "}
          · <Link href="/open-data">{(await getTranslations("openData"))("title")}</Link>
        </p>
      </div>
      <nav aria-labelledby="contents">
        <h2 id="contents" className="mb-2 text-lg font-semibold">
          {t("contents")}
        </h2>
        <ul className="space-y-1 text-sm">
          {paths.map(([path, item]) => (
            <li key={path} className="break-all">
              <a href={`#${anchor(path)}`} className="font-mono text-brand-600 underline">
                GET {path}
              </a>{" "}
              — {locale === "vi" ? item.get["x-summary-vi"] : item.get.summary}
            </li>
          ))}
        </ul>
      </nav>
      <div className="space-y-6">
        {paths.map(([path, item]) => (
          <ApiOperation key={path} id={anchor(path)} path={path} operation={item.get} locale={locale} origin={origin} />
        ))}
      </div>
    </div>
  );
}
