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
  "deals",
  "auditLog",
  "oversight",
  "openData",
  "adminTools",
  "legal",
  "searchInsights",
] as const;

export async function loadMessages(locale: string): Promise<Record<string, unknown>> {
  const entries = await Promise.all(
    NAMESPACES.map(async (ns) => [ns, (await import(`../../messages/${locale}/${ns}.json`)).default] as const),
  );
  return Object.fromEntries(entries);
}

/**
 * What the client components of every page need: the only messages the root layout sends to the
 * browser, so only the keys they use (every page carries these in its HTML). Whole namespaces or key
 * paths inside one ("search.box"). Signed-in and sign-in areas add the full catalogue in their own
 * layouts; a public page never carries it (README, "Caching"). tests/unit/shell-messages.test.ts
 * checks the keys these components ask for against this list.
 */
export const SHELL_CLIENT_MESSAGES = [
  // components/layout/account-menu.tsx (with the areas of lib/auth/account-area.ts) and language-switcher.tsx
  "nav.userMenu",
  "nav.workspace",
  "nav.admin",
  "nav.signIn",
  "nav.register",
  "nav.signOut",
  "nav.switchLanguage",
  "roles",
  // components/notifications/bell.tsx
  "notifications.bell",
  // components/search/search-box.tsx
  "search.box",
  // app/[locale]/error.tsx; the action errors are translated on the server
  "errors.unexpectedTitle",
  "errors.unexpectedText",
  "errors.reference",
  "errors.retry",
] as const;

/** The parts of `messages` named by `paths` (a namespace, or a dotted path into one), nested as in the catalogue. */
export function pickMessages(messages: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of paths) {
    const keys = path.split(".");
    const last = keys.pop();
    let source: unknown = messages;
    for (const key of keys) source = isRecord(source) ? source[key] : undefined;
    source = isRecord(source) && last !== undefined ? source[last] : undefined;
    if (source === undefined || last === undefined) throw new Error(`No messages at "${path}"`);
    let target = out;
    for (const key of keys) {
      const next = isRecord(target[key]) ? target[key] : {};
      target[key] = next;
      target = next;
    }
    target[last] = source;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
