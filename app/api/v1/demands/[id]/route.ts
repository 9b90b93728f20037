import { apiJson, apiNotFound, parseId } from "@/lib/catalog/api";
import { publishedDemandById } from "@/lib/catalog/details";
import { serializeDemandDetail } from "@/lib/catalog/serializers";

export const dynamic = "force-dynamic";

/** One published demand by id; anything unpublished answers 404. */
export async function GET(_request: Request, context: RouteContext<"/api/v1/demands/[id]">) {
  const parsed = parseId((await context.params).id);
  if (!parsed.ok) return parsed.response;
  const demand = await publishedDemandById(parsed.id);
  return demand ? apiJson(serializeDemandDetail(demand)) : apiNotFound();
}
