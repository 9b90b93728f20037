import { getCurrentUser } from "@/lib/auth/session";
import { fileResponse } from "@/lib/files/response";

export const dynamic = "force-dynamic";

/** Serves an attachment to whoever may see it (rules: lib/files/visibility.ts); 404 otherwise. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return fileResponse(await getCurrentUser(), id, request.headers.get("if-none-match"));
}
