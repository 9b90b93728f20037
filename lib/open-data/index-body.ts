import {
  AUDIT_HEADS_CSV_PATH,
  AUDIT_HEADS_PATH,
  DATASETS,
  DATASET_FILE_NAMES,
  DATASET_FILES,
  LICENCE,
  downloadPath,
} from "./catalog";

/** The body of `GET /api/v1/open-data`: the datasets and their files (paths relative to the site). Pure. */
export function openDataIndex() {
  return {
    licence: LICENCE,
    datasets: [
      ...DATASETS.map((d) => ({
        id: d.id,
        maxAgeSeconds: d.maxAgeSeconds,
        files: DATASET_FILE_NAMES.filter((f) => DATASET_FILES[f].dataset === d.id).map((f) => ({
          format: DATASET_FILES[f].format,
          url: downloadPath(f),
        })),
      })),
      {
        id: "audit-heads",
        maxAgeSeconds: 86_400,
        files: [
          { format: "json", url: AUDIT_HEADS_PATH },
          { format: "csv", url: AUDIT_HEADS_CSV_PATH },
        ],
      },
    ],
  };
}
