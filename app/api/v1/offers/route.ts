import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { offerApiList } from "@/lib/catalog/catalog";

export const dynamic = "force-dynamic";

/** Published technology offers; the catalog's filters as query parameters, plus page and pageSize. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  // Keyed by the query string as sent: the same URL, the same answer (parameters are parsed inside).
  const result = await cachedBody(["offers", params.toString()], [tags.catalog("offer")], () => offerApiList(params));
  return result.ok ? apiJson(result.body) : invalidParameters(result.issues);
}
