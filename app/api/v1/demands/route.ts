import { apiJson, invalidParameters } from "@/lib/catalog/api";
import { demandApiList } from "@/lib/catalog/catalog";

export const dynamic = "force-dynamic";

/** Published technology demands; confidential ones come without their organization. */
export async function GET(request: Request) {
  const result = await demandApiList(new URL(request.url).searchParams);
  return result.ok ? apiJson(result.body) : invalidParameters(result.issues);
}
