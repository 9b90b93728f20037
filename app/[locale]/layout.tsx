import type { Metadata } from "next";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { AccountProvider } from "@/components/layout/account-context";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { pickMessages, SHELL_CLIENT_MESSAGES } from "@/lib/i18n/messages";
import { routing } from "@/lib/i18n/routing";
import { publicBaseUrl } from "@/lib/seo/urls";

/**
 * No page is rendered at build time (there is no database then): each is rendered on its first
 * request, and the public ones are then served from the cache (ISR, README "Caching"). Unknown
 * locales still answer 404 below.
 */
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "common" });
  return {
    // Relative URLs (OpenGraph images) resolve against the configured public URL. No default
    // alternates: each public page declares its own canonical and hreflang links (lib/seo/urls.ts);
    // inherited ones would tell search engines that every page's translation is the home page.
    metadataBase: publicBaseUrl(),
    title: { default: t("appName"), template: `%s · ${t("appNameShort")}` },
    description: t("tagline"),
    applicationName: t("appName"),
  };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const t = await getTranslations({ locale, namespace: "common" });
  // Only what the shell's client components need: the whole catalogue would be in every page's HTML.
  const messages = pickMessages(await getMessages(), SHELL_CLIENT_MESSAGES);
  return (
    <html lang={locale}>
      <body className="flex min-h-screen flex-col bg-surface-muted text-foreground antialiased">
        <NextIntlClientProvider messages={messages}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          {/* Who is signed in, asked once per page by the browser: the header and the page's own controls read it. */}
          <AccountProvider>
            <SiteHeader />
            <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8">
              {children}
            </main>
          </AccountProvider>
          <SiteFooter />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
