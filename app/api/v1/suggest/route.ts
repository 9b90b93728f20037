import { z } from "zod";
import { suggest } from "@/lib/search/queries";

export const dynamic = "force-dynamic";

// Suggestions change as listings are published; 30 s keeps typing snappy behind a cache without
// showing a withdrawn title for long.
const HEADERS = { "Cache-Control": "public, max-age=30" };

const QuerySchema = z.object({
  q: z
    .string({ error: "q is required" })
    .transform((q) => q.trim())
    .pipe(z.string().min(1, "q must be 1 to 100 characters").max(100, "q must be 1 to 100 characters")),
});

/** Typeahead for the header search box: published titles, fields and organizations, `{ items }`. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  const parsed = QuerySchema.safeParse({ q: params.get("q") ?? undefined });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join(".") || "q",
      message: issue.message,
    }));
    return Response.json({ error: "invalid_parameters", issues }, { status: 400, headers: HEADERS });
  }
  return Response.json({ items: await suggest(parsed.data.q) }, { headers: HEADERS });
}
