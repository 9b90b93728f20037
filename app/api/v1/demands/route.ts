import { cachedBody } from "@/lib/cache/cached";
import { tags } from "@/lib/cache/tags";
import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { demandApiList } from "@/lib/catalog/catalog";

export const dynamic = "force-dynamic";

/** Published technology demands; confidential ones come without their organization. */
export async function GET(request: Request) {
  const params = new URL(request.url).searchParams;
  // Keyed by the query string as sent: the same URL, the same answer (parameters are parsed inside).
  const result = await cachedBody(["demands", params.toString()], [tags.catalog("demand")], () =>
    demandApiList(params),
  );
  return result.ok ? apiJson(result.body) : invalidParameters(result.issues);
}
