import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { apiJson, apiNotFound, parseId } from "@/lib/catalog/api";
import { publishedOfferById } from "@/lib/catalog/details";
import { serializeOfferDetail } from "@/lib/catalog/serializers";

export const dynamic = "force-dynamic";

/** One published offer by id; anything unpublished answers 404. */
export async function GET(_request: Request, context: RouteContext<"/api/v1/offers/[id]">) {
  const parsed = parseId((await context.params).id);
  if (!parsed.ok) return parsed.response;
  const body = await cachedBody(["offer", parsed.id], [tags.listing("offer", parsed.id)], async () => {
    const offer = await publishedOfferById(parsed.id);
    return offer ? serializeOfferDetail(offer) : null;
  });
  return body ? apiJson(body) : apiNotFound();
}
