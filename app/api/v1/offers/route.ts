import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { offerApiList } from "@/lib/catalog/catalog";

export const dynamic = "force-dynamic";

/** Published technology offers; the catalog's filters as query parameters, plus page and pageSize. */
export async function GET(request: Request) {
  const result = await offerApiList(new URL(request.url).searchParams);
  return result.ok ? apiJson(result.body) : invalidParameters(result.issues);
}
