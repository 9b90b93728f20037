import { apiNotFound } from "@/lib/catalog/api";
import { CONTENT_TYPES, DATASET_FILES, isDatasetFile } from "@/lib/open-data/catalog";
import { datasetBody } from "@/lib/open-data/datasets";
import { publicBaseUrl } from "@/lib/seo/urls";

export const dynamic = "force-dynamic";

/**
 * One open data download: `offers.csv|json`, `demands.csv|json`, `statistics-monthly.csv|json`
 * (lib/open-data/catalog.ts). Streamed (a whole catalog is never held in memory) and cacheable by
 * browsers and proxies for 60 s, like the rest of the public API; the monthly statistics come from
 * the cached public statistics (tag `stats`).
 */
export async function GET(_request: Request, context: RouteContext<"/api/v1/open-data/[file]">) {
  const { file } = await context.params;
  if (!isDatasetFile(file)) return apiNotFound();
  const { format } = DATASET_FILES[file];
  return new Response(datasetBody(file, publicBaseUrl()), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${file}"`,
      "Cache-Control": "public, max-age=60",
    },
  });
}
