import { z } from "zod";
import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { apiJson, apiNotFound, invalidParameters, parseId } from "@/lib/catalog/api";
import { toIssues } from "@/lib/catalog/schemas";
import { publicMatches } from "@/lib/matching/queries";
import type { MatchExplanation } from "@/lib/matching/types";

// Shared by /api/v1/offers/<id>/matches and /api/v1/demands/<id>/matches: the two differ only in
// which side of the match is the path's listing.

const LimitSchema = z.object({
  limit: z
    .string()
    .regex(/^[1-9]\d?$/, "limit must be a whole number from 1 to 50")
    .transform(Number)
    .refine((n) => n <= 50, "limit must be a whole number from 1 to 50")
    .default(10),
});

type Listing = {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  organization: { name: string; nameEn: string | null; slug: string } | null;
};

/** Only the documented fields leave: the explanation's criteria and the counterpart's public identity. */
function explanationOut(e: MatchExplanation) {
  return {
    sharedTerms: e.sharedTerms,
    text: e.text,
    sector: e.sector,
    trl: e.trl,
    budget: e.budget,
    location: e.location,
    verified: e.verified,
  };
}

function listingOut(l: Listing) {
  const organization = l.organization
    ? { name: l.organization.name, nameEn: l.organization.nameEn, slug: l.organization.slug }
    : null;
  return { id: l.id, slug: l.slug, titleVi: l.titleVi, titleEn: l.titleEn, organization };
}

/** The stored matches of a published listing, best first; 400 on a bad id or limit, 404 when unpublished. */
export async function matchesResponse(kind: "offer" | "demand", rawId: string, request: Request): Promise<Response> {
  const id = parseId(rawId);
  if (!id.ok) return id.response;
  const limit = new URL(request.url).searchParams.get("limit");
  const parsed = LimitSchema.safeParse({ limit: limit === null || limit === "" ? undefined : limit });
  if (!parsed.success) return invalidParameters(toIssues(parsed.error));
  const other = kind === "offer" ? "demand" : "offer";
  const cacheTags = [tags.listing(kind, id.id), tags.matches(kind, id.id)];
  const body = await cachedBody(["matches", kind, id.id, String(parsed.data.limit)], cacheTags, async () => {
    const rows = await publicMatches(kind, id.id, parsed.data.limit);
    if (!rows) return null;
    const items = rows.map((row) => ({
      score: row.score,
      explanation: explanationOut(row.explanation),
      [other]: listingOut(row[other] as Listing),
    }));
    return { items };
  });
  return body ? apiJson(body) : apiNotFound();
}
