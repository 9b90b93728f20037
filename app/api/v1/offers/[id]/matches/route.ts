import { matchesResponse } from "./respond";

export const dynamic = "force-dynamic";

/** Published demands matching a published offer: `{ items: [{ score, explanation, demand }] }`. */
export async function GET(request: Request, context: RouteContext<"/api/v1/offers/[id]/matches">) {
  return matchesResponse("offer", (await context.params).id, request);
}
