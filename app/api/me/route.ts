import { accountSummary } from "@/lib/auth/account-summary";

export const dynamic = "force-dynamic";

/**
 * The signed-in visitor's header (name, roles, workspace links, unread notifications), or
 * `{ "user": null }`. Public pages are cached and identical for everyone; the header's account menu
 * asks here from the browser, so nothing of a user ever enters the shared cache. Never cached.
 */
export async function GET() {
  return Response.json(
    { user: await accountSummary() },
    { headers: { "Cache-Control": "private, no-store", Vary: "Cookie" } },
  );
}
