import { matchesResponse } from "@/app/api/v1/offers/[id]/matches/respond";

export const dynamic = "force-dynamic";

/** Published offers matching a published demand: `{ items: [{ score, explanation, offer }] }`. */
export async function GET(request: Request, context: RouteContext<"/api/v1/demands/[id]/matches">) {
  return matchesResponse("demand", (await context.params).id, request);
}
