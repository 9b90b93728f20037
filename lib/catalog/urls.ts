import "server-only";
import { env } from "@/lib/env";
import { getPathname } from "@/lib/i18n/navigation";
import { routing } from "@/lib/i18n/routing";

/** The public origin for canonical links, OpenGraph and JSON-LD (APP_URL, else NEXTAUTH_URL). */
export function siteUrl(): URL {
  const { APP_URL, NEXTAUTH_URL } = env();
  return new URL(APP_URL ?? NEXTAUTH_URL ?? "http://localhost:3000");
}

/** Absolute URL of an unprefixed app path in `locale`. */
export function absoluteUrl(locale: string, path: string): string {
  return new URL(getPathname({ href: path, locale }), siteUrl()).toString();
}

/** Canonical + language alternates for a public page at `path` (unprefixed), for generateMetadata. */
export function alternatesFor(locale: string, path: string) {
  return {
    canonical: getPathname({ href: path, locale }),
    languages: Object.fromEntries(routing.locales.map((l) => [l, getPathname({ href: path, locale: l })])),
  };
}
