import { apiJson } from "@/lib/catalog/api";
import { openDataIndex } from "@/lib/open-data/index-body";

export const dynamic = "force-dynamic";

/** The open data catalogue: each dataset with its licence, update frequency and download URLs. */
export function GET() {
  return apiJson(openDataIndex());
}
