import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { apiJson, apiNotFound, parseId } from "@/lib/catalog/api";
import { publishedDemandById } from "@/lib/catalog/details";
import { serializeDemandDetail } from "@/lib/catalog/serializers";

export const dynamic = "force-dynamic";

/** One published demand by id; anything unpublished answers 404. */
export async function GET(_request: Request, context: RouteContext<"/api/v1/demands/[id]">) {
  const parsed = parseId((await context.params).id);
  if (!parsed.ok) return parsed.response;
  const body = await cachedBody(["demand", parsed.id], [tags.listing("demand", parsed.id)], async () => {
    const demand = await publishedDemandById(parsed.id);
    return demand ? serializeDemandDetail(demand) : null;
  });
  return body ? apiJson(body) : apiNotFound();
}
