import { buildSampleArchive } from "@/lib/audit/archive";
import { SampleInputSchema } from "@/lib/audit/sample";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";

export const dynamic = "force-dynamic";

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * The sample's archive (issue #13 item 6) as one ZIP (lib/audit/archive.ts), for the auditor only
 * ("audit:export"; anyone else gets 404). The query is the sample page's: seed, size, from, to,
 * state, origin. The manifest's SHA-256 is also sent as `x-manifest-sha256`.
 */
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!can(user, "audit:export")) return new Response("Not found", { status: 404, headers: NO_STORE });
  const parsed = SampleInputSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return Response.json({ error: "invalid_input" }, { status: 400, headers: NO_STORE });
  const archive = await buildSampleArchive(user, await auditContext(user, "audit:export"), parsed.data);
  return new Response(new Uint8Array(archive.bytes), {
    headers: {
      ...NO_STORE,
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${archive.filename}"`,
      "x-manifest-sha256": archive.manifestSha256,
    },
  });
}
