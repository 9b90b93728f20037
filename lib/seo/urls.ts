import "server-only";
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { routing, type Locale } from "@/lib/i18n/routing";

type PublicUrlEnv = { APP_URL?: string; NEXTAUTH_URL?: string };
type LanguageUrls = Record<Locale | "x-default", string>;

/**
 * The configured public origin (APP_URL, else NEXTAUTH_URL, else the local default), for canonical
 * links, hreflang alternates, the sitemap and robots.txt. Read per call from the validated
 * environment, never from the request: a Host header is whatever the client sent.
 */
export function publicBaseUrl(source: PublicUrlEnv = env()): URL {
  return new URL(source.APP_URL ?? source.NEXTAUTH_URL ?? "http://localhost:3000");
}

/**
 * The path of an unprefixed app path in `locale`: Vietnamese has no prefix, English lives under /en
 * (lib/i18n/routing.ts, localePrefix "as-needed"). `localizedPath("en", "/")` is "/en".
 */
export function localizedPath(locale: Locale, path: string): string {
  const clean = path === "" ? "/" : path;
  if (locale === routing.defaultLocale) return clean;
  return clean === "/" ? `/${locale}` : `/${locale}${clean}`;
}

/** The absolute URL of `path` (unprefixed) in `locale`, on the configured public origin. */
export function pageUrl(locale: Locale, path: string, base: URL = publicBaseUrl()): string {
  return new URL(localizedPath(locale, path), base).toString();
}

/** hreflang alternates of `path`: every language, and x-default pointing at the Vietnamese page. */
export function languageAlternates(path: string, base: URL = publicBaseUrl()): LanguageUrls {
  const languages = Object.fromEntries(routing.locales.map((l) => [l, pageUrl(l, path, base)]));
  return { ...languages, "x-default": pageUrl(routing.defaultLocale, path, base) } as LanguageUrls;
}

/** Absolute canonical and hreflang links of a public page at `path` (unprefixed), for generateMetadata. */
export function pageAlternates(locale: string, path: string, base: URL = publicBaseUrl()) {
  const current = toLocale(locale);
  return {
    canonical: pageUrl(current, path, base),
    languages: languageAlternates(path, base),
  } satisfies Metadata["alternates"];
}

/** `locale` when it is a supported one, else the default (route params are plain strings). */
export function toLocale(locale: string): Locale {
  return (routing.locales as readonly string[]).includes(locale) ? (locale as Locale) : routing.defaultLocale;
}
