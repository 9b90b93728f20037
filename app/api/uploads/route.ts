import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { handleUpload } from "@/lib/files/upload-request";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/**
 * The only path that accepts large bodies: one file (multipart field "file") for a listing or an
 * organization, streamed to disk after authentication and permission checks (lib/files/upload-request.ts).
 * Query: `?for=offer|demand&id=<uuid>&kind=IMAGE|DOCUMENT` or `?for=organization`.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  return handleUpload(request, user, (action) => auditContext(user, action));
}
