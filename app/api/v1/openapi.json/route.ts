import { apiJson } from "@/lib/catalog/api";
import { OPENAPI } from "@/lib/open-data/openapi";

/** The OpenAPI 3.1 document of the public API (a constant: served from the build's static output). */
export const dynamic = "force-static";

export function GET() {
  return apiJson(OPENAPI);
}
