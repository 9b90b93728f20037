/**
 * Module mocks shared by the integration tests that call server actions directly (outside Next's
 * server). Use them from `vi.mock` factories (which are hoisted, so import this module inside them):
 *
 *   vi.mock("next/cache", async (original) => (await import("../support/action-mocks")).nextCache(original));
 *   vi.mock("next-intl/server", async () => (await import("../support/action-mocks")).nextIntlServer());
 */

/**
 * next/cache with only revalidatePath replaced (it needs a request); the cache functions keep their
 * real behaviour outside Next's server (lib/cache: a revalidation is a no-op, a cached read runs uncached).
 */
export async function nextCache(importOriginal: <T>() => Promise<T>) {
  return { ...(await importOriginal<typeof import("next/cache")>()), revalidatePath: () => {} };
}

/** next-intl/server answering in Vietnamese with the real message catalogues. */
export async function nextIntlServer() {
  const { createTranslator } = await import("use-intl/core");
  const { loadMessages } = await import("@/lib/i18n/messages");
  const messages = await loadMessages("vi");
  return { getLocale: async () => "vi", getTranslations: async () => createTranslator({ locale: "vi", messages }) };
}

/**
 * lib/auth/session answering with whoever `session.user` names (a `vi.hoisted` holder the test sets),
 * and a test audit context:
 *
 *   vi.mock("@/lib/auth/session", async () => (await import("../support/action-mocks")).authSession(session));
 */
export function authSession(session: { user: unknown }) {
  return {
    getCurrentUser: async () => session.user,
    requireUser: async () => session.user,
    requestMeta: async () => ({ requestId: "test", ip: null }),
    auditContext: async (user: { id: string } | null) => ({
      actor: { id: user?.id ?? null, role: "test" },
      request: { requestId: "test", ip: null },
    }),
  };
}
