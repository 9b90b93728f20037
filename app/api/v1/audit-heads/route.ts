import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { everyPublishedHead, headsCsv, HeadsQuerySchema, publishedHeads } from "@/lib/audit/heads";

export const dynamic = "force-dynamic";

/**
 * The audit chain's published heads (issue #13 item 5): `{ items: [{ publishedAt, seq, hash }], total,
 * page, pageSize }`, newest first; `?format=csv` gives every head as CSV (published_at,seq,hash).
 * No personal data. Cacheable for 60 s: a head is published once a night.
 */
export async function GET(request: Request) {
  const parsed = HeadsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return invalidParameters(
      parsed.error.issues.map((issue) => ({
        path: issue.path.join(".") || "query",
        code: "invalid" as const,
        message: issue.message,
      })),
    );
  }
  const { page, pageSize, format } = parsed.data;
  if (format === "csv") {
    return new Response(headsCsv(await everyPublishedHead()), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="audit-heads.csv"',
        "cache-control": "public, max-age=60",
      },
    });
  }
  return apiJson(await publishedHeads(page, pageSize));
}
