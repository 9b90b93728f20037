/**
 * What the open data offers (issue #13 item 8, DOMAIN §10): the datasets, their files, licence and
 * update frequency, read by the /open-data page, the download route, its index and the OpenAPI
 * document. Pure and client-safe.
 */

/**
 * The licence the exchange proposes: Creative Commons Attribution 4.0. A suggestion until the
 * Department of Science and Technology confirms it (`proposed`); the page says so.
 */
export const LICENCE = {
  id: "CC-BY-4.0",
  name: "Creative Commons Attribution 4.0 International",
  url: "https://creativecommons.org/licenses/by/4.0/",
  proposed: true,
} as const;

export type DatasetId = "offers" | "demands" | "statistics-monthly";
export type DatasetFormat = "csv" | "json";

export interface Dataset {
  readonly id: DatasetId;
  /** How fresh a download is: listings and statistics are at most this many seconds old. */
  readonly maxAgeSeconds: number;
  /** The columns (CSV) / item keys (JSON) are documented on /open-data and in the OpenAPI document. */
  readonly formats: readonly DatasetFormat[];
}

export const DATASETS: readonly Dataset[] = [
  { id: "offers", maxAgeSeconds: 60, formats: ["csv", "json"] },
  { id: "demands", maxAgeSeconds: 60, formats: ["csv", "json"] },
  { id: "statistics-monthly", maxAgeSeconds: 60, formats: ["csv", "json"] },
];

export const DATASET_FILES = {
  "offers.csv": { dataset: "offers", format: "csv" },
  "offers.json": { dataset: "offers", format: "json" },
  "demands.csv": { dataset: "demands", format: "csv" },
  "demands.json": { dataset: "demands", format: "json" },
  "statistics-monthly.csv": { dataset: "statistics-monthly", format: "csv" },
  "statistics-monthly.json": { dataset: "statistics-monthly", format: "json" },
} as const satisfies Record<string, { dataset: DatasetId; format: DatasetFormat }>;

export type DatasetFile = keyof typeof DATASET_FILES;
export const DATASET_FILE_NAMES = Object.keys(DATASET_FILES) as DatasetFile[];

export function isDatasetFile(name: string): name is DatasetFile {
  return Object.hasOwn(DATASET_FILES, name);
}

export const OPEN_DATA_PATH = "/api/v1/open-data";
export const downloadPath = (file: DatasetFile) => `${OPEN_DATA_PATH}/${file}`;

/** The published audit-chain heads (another module serves them; listed here as a dataset). */
export const AUDIT_HEADS_PATH = "/api/v1/audit-heads";
export const AUDIT_HEADS_CSV_PATH = "/api/v1/audit-heads?format=csv";

export const CONTENT_TYPES: Record<DatasetFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};
