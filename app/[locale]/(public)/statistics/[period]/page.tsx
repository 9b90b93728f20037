import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { periodTitle } from "@/components/statistics/period-nav";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { parsePublicPeriod } from "@/lib/open-data/period";
import { pageAlternates } from "@/lib/seo/urls";

// The statistics of a chosen month, quarter or year (/statistics/2026-11, /2026-Q4, /2026): cached
// (ISR) and tagged `stats` like /statistics, at most `revalidate` seconds old (= PUBLIC_PAGE_SECONDS).
// The periods are a bounded set (2020 to now), so the cache holds at most one entry per period.
export const revalidate = 60;

/** None at build time (there is no database then): each period is rendered on its first visit, then cached. */
export function generateStaticParams() {
  return [];
}

type Params = PageProps<"/[locale]/statistics/[period]">["params"];

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, period: key } = await params;
  const parsed = parsePublicPeriod(key);
  if (!parsed.ok) return {};
  const t = await getTranslations({ locale, namespace: "statistics" });
  setRequestLocale(locale);
  return {
    title: `${t("title")} · ${await periodTitle(parsed.period)}`,
    description: t("lead"),
    alternates: pageAlternates(locale, `/statistics/${parsed.period.key}`),
  };
}

export default async function PeriodStatisticsPage({ params }: { params: Params }) {
  const { locale, period: key } = await params;
  setRequestLocale(locale);
  await tagPage([tags.stats]);
  // Anything but a started month, quarter or year (and its canonical spelling) is not a page.
  const parsed = parsePublicPeriod(key);
  if (!parsed.ok || parsed.period.key !== key) notFound();
  return <StatisticsView locale={locale} period={parsed.period} />;
}
