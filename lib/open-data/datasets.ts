import "server-only";
import { PUBLIC_METRICS } from "@/lib/kpi/catalogue";
import { BOM, csvLine, type CsvValue } from "@/lib/csv";
import { LISTING_COLUMNS, publishedListings, type ListingKind } from "./listings";
import { monthlyStatistics } from "./statistics";
import { DATASET_FILES, LICENCE, type DatasetFile } from "./catalog";

/**
 * The bodies of the open data downloads (`GET /api/v1/open-data/<file>`), written as streams:
 * listings batch by batch (./listings.ts), the monthly statistics from the cached public
 * statistics of each month (./statistics.ts). CSV files are UTF-8 with a BOM (./csv.ts).
 */

const encoder = new TextEncoder();

/** A byte stream of the strings `chunks` yields, pulled as the client reads (backpressure). */
function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

const csvValue = (v: CsvValue | string[]): CsvValue => (Array.isArray(v) ? v.join("; ") : v);

async function* listingsCsv(kind: ListingKind, baseUrl: URL) {
  const columns = LISTING_COLUMNS[kind];
  yield BOM + csvLine(columns.map((c) => c.name));
  for await (const batch of publishedListings(kind, baseUrl)) {
    yield batch.map((row) => csvLine(columns.map((c) => csvValue(row[c.name]!)))).join("");
  }
}

/** `{ dataset, licence, generatedAt, items: [...] }`, the items written batch by batch. */
async function* listingsJson(kind: ListingKind, baseUrl: URL) {
  const head = { dataset: kind, licence: LICENCE, generatedAt: new Date().toISOString() };
  yield `${JSON.stringify(head).slice(0, -1)},"items":[`;
  let first = true;
  for await (const batch of publishedListings(kind, baseUrl)) {
    for (const row of batch) {
      yield (first ? "\n" : ",\n") + JSON.stringify(row);
      first = false;
    }
  }
  yield "\n]}\n";
}

/** The monthly statistics as CSV: one row per month, one column per public metric (VND exact). */
export const MONTHLY_COLUMNS = ["period", "firstDay", "lastDay", "asOf", ...PUBLIC_METRICS] as const;

async function* monthlyCsv() {
  const months = await monthlyStatistics();
  yield BOM + csvLine(MONTHLY_COLUMNS);
  for (const m of months) {
    const metrics = m.metrics as Record<string, { value: number | string | null }>;
    yield csvLine([
      m.period.key,
      m.period.firstDay,
      m.period.lastDay,
      m.asOf,
      ...PUBLIC_METRICS.map((k) => metrics[k]!.value),
    ]);
  }
}

async function* monthlyJson() {
  const months = await monthlyStatistics();
  const items = months.map(({ byField: _f, byTrl: _t, ...month }) => month);
  yield JSON.stringify({
    dataset: "statistics-monthly",
    licence: LICENCE,
    generatedAt: new Date().toISOString(),
    items,
  });
}

/** The body of one download file. */
export function datasetBody(file: DatasetFile, baseUrl: URL): ReadableStream<Uint8Array> {
  const { dataset, format } = DATASET_FILES[file];
  if (dataset === "statistics-monthly") return streamOf(format === "csv" ? monthlyCsv() : monthlyJson());
  return streamOf(format === "csv" ? listingsCsv(dataset, baseUrl) : listingsJson(dataset, baseUrl));
}
