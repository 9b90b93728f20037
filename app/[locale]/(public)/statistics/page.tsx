import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StatisticsView } from "@/components/statistics/statistics-view";
import { tagPage } from "@/lib/cache/page-tags";
import { tags } from "@/lib/cache/tags";
import { periodContaining } from "@/lib/calendar/periods";
import { pageAlternates } from "@/lib/seo/urls";

// Cached (ISR): the figures are at most `revalidate` seconds old (= PUBLIC_PAGE_SECONDS), and a
// publication, withdrawal or verification expires them at once (tag `stats`). Never rendered at
// build time (no database then): the locale layout lists no static params. This is the current
// month; other periods are /statistics/<period> (./[period]/page.tsx), each cached the same way.
export const revalidate = 60;

export async function generateMetadata({ params }: PageProps<"/[locale]/statistics">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "statistics" });
  return { title: t("title"), description: t("lead"), alternates: pageAlternates(locale, "/statistics") };
}

export default async function StatisticsPage({ params }: PageProps<"/[locale]/statistics">) {
  const { locale } = await params;
  setRequestLocale(locale);
  await tagPage([tags.stats]);
  return <StatisticsView locale={locale} period={periodContaining("month", new Date())} />;
}
