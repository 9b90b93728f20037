/**
 * Message catalogs live in one file per namespace (messages/<locale>/<namespace>.json) so features can
 * add their texts without touching each other's files. Adding a namespace = adding its name here.
 */
export const NAMESPACES = [
  "common",
  "nav",
  "footer",
  "home",
  "listing",
  "auth",
  "validation",
  "orgTypes",
  "roles",
  "verification",
  "account",
  "admin",
  "pagination",
  "errors",
  "catalog",
  "offerForm",
  "demandForm",
  "moderation",
  "files",
  "notifications",
  "organizations",
  "experts",
  "workspace",
  "enums",
  "lifecycle",
  "statistics",
  "search",
  "matching",
  "membership",
  "security",
] as const;

export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}
