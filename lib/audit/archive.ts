import "server-only";
import { createHash } from "node:crypto";
import { strToU8, zipSync, type Zippable } from "fflate";
import { assertCan, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { toJsonSafe } from "@/lib/json";
import type { AuditContext } from "./context";
import { appendAudit } from "./mutations";
import { SAMPLE_ALGORITHM, sampleFilters, selectSample, type SampleInput, type SampledDeal } from "./sample";

/**
 * The sample's archive (issue #13 item 6): one ZIP an auditor takes away, self-describing and
 * checkable without the exchange.
 *
 *   manifest.json     what was drawn (seed, filters, algorithm), when, the chain head at export, and
 *                     every other file's SHA-256 and size
 *   manifest.sha256   the manifest's own SHA-256, in `sha256sum -c` format
 *   deals.json        each deal with its contract versions and documents (their SHA-256, no bytes)
 *   deals.csv         one line per deal
 *   hashes.csv        one line per contract version and deal document: what it is and its SHA-256
 *   events/<reference>.json   the deal's audit events (and its registrations'), with their hashes
 *
 * Everything is read in one REPEATABLE READ snapshot, so the events and the chain head agree.
 */

export const ARCHIVE_FORMAT = "techex-audit-sample/1";

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** One CSV field (RFC 4180): quoted when it holds a comma, quote or line break. */
function csvField(value: unknown): string {
  const text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
export function csv(rows: readonly (readonly unknown[])[]): string {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

interface ContractRow {
  deal_id: string;
  version_no: number;
  state: string;
  content_sha256: string;
  value: string | null;
  signed_at: Date | null;
  created_at: Date;
}
interface DocumentRow {
  deal_id: string;
  id: string;
  filename: string;
  mime_type: string;
  size: number;
  sha256: string;
  purpose: string | null;
  version: number | null;
  confidential: boolean;
  contract_version: number | null;
  created_at: Date;
}
interface EventRow {
  deal_id: string;
  seq: string;
  occurred_at: Date;
  actor_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface SampleArchive {
  bytes: Uint8Array;
  filename: string;
  manifestSha256: string;
  head: { seq: string; hash: string } | null;
  references: string[];
}

/**
 * Builds the sample's archive for the auditor ("audit:export") and records the export as an
 * "audit.export" event with the seed, the filters and the manifest's hash.
 */
export async function buildSampleArchive(
  user: Principal | null,
  ctx: AuditContext,
  input: SampleInput,
  now: Date = new Date(),
): Promise<SampleArchive> {
  assertCan(user, "audit:export");
  const client = await pool().connect();
  let sample: Awaited<ReturnType<typeof selectSample>>;
  let contracts: ContractRow[];
  let documents: DocumentRow[];
  let events: EventRow[];
  let head: { seq: string; hash: string } | null;
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    sample = await selectSample(input, client);
    const ids = sample.deals.map((d) => d.id);
    contracts = (
      await client.query<ContractRow>(
        `SELECT deal_id, version_no, state, content_sha256, value::text AS value, signed_at, created_at
           FROM contracts WHERE deal_id = ANY($1::uuid[]) ORDER BY deal_id, version_no`,
        [ids],
      )
    ).rows;
    documents = (
      await client.query<DocumentRow>(
        `SELECT a.deal_id, a.id, a.filename, a.mime_type, a.size, a.sha256, a.purpose, a.version, a.confidential,
                c.version_no AS contract_version, a.created_at
           FROM attachments a LEFT JOIN contracts c ON c.id = a.contract_id
          WHERE a.deal_id = ANY($1::uuid[]) ORDER BY a.deal_id, a.created_at, a.id`,
        [ids],
      )
    ).rows;
    // The deal's own events and those of its registrations (filed against a contract version).
    events = (
      await client.query<EventRow>(
        `WITH keys AS (
           SELECT d.id AS deal_id, 'deal' AS entity_type, d.id::text AS entity_id FROM deals d WHERE d.id = ANY($1::uuid[])
           UNION ALL
           SELECT c.deal_id, 'registration', r.id::text
             FROM registrations r JOIN contracts c ON c.id = r.contract_id WHERE c.deal_id = ANY($1::uuid[]))
         SELECT k.deal_id, e.seq::text AS seq, e.occurred_at, e.actor_id, e.actor_role, e.action, e.entity_type,
                e.entity_id, e.before, e.after, e.reason, e.prev_hash, e.hash
           FROM keys k JOIN audit_events e ON e.entity_type = k.entity_type AND e.entity_id = k.entity_id
          ORDER BY k.deal_id, e.seq`,
        [ids],
      )
    ).rows;
    const top = await client.query<{ seq: string; hash: string }>(
      "SELECT seq::text AS seq, hash FROM audit_events ORDER BY audit_events.seq DESC LIMIT 1",
    );
    head = top.rows[0] ?? null;
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }

  const files = archiveFiles(sample.deals, contracts, documents, events);
  const manifest = {
    format: ARCHIVE_FORMAT,
    generatedAt: now.toISOString(),
    generatedBy: { userId: ctx.actor.id, role: ctx.actor.role },
    seed: input.seed,
    size: input.size,
    filters: sampleFilters(input),
    algorithm: SAMPLE_ALGORITHM,
    population: sample.population,
    references: sample.deals.map((d) => d.reference),
    chainHead: head,
    files: Object.entries(files).map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length })),
  };
  const manifestBytes = strToU8(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestSha256 = sha256(manifestBytes);
  const zippable: Zippable = {
    "manifest.json": manifestBytes,
    "manifest.sha256": strToU8(`${manifestSha256}  manifest.json\n`),
    ...files,
  };
  const bytes = zipSync(zippable, { level: 6, mtime: now });
  await db.$transaction((tx) =>
    appendAudit(tx, ctx, {
      action: "audit.export",
      entityType: "audit_sample",
      entityId: input.seed,
      after: {
        seed: input.seed,
        size: input.size,
        filters: sampleFilters(input),
        references: manifest.references,
        manifestSha256,
        chainHead: head,
      },
    }),
  );
  const stamp = now.toISOString().slice(0, 10);
  return {
    bytes,
    filename: `audit-sample-${stamp}-${input.seed}.zip`,
    manifestSha256,
    head,
    references: manifest.references,
  };
}

/** Every file of the archive but the manifest, by path. */
function archiveFiles(
  deals: readonly SampledDeal[],
  contracts: readonly ContractRow[],
  documents: readonly DocumentRow[],
  events: readonly EventRow[],
): Record<string, Uint8Array> {
  const byDeal = <T extends { deal_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) (map.get(row.deal_id) ?? map.set(row.deal_id, []).get(row.deal_id)!).push(row);
    return map;
  };
  const contractsOf = byDeal(contracts);
  const documentsOf = byDeal(documents);
  const eventsOf = byDeal(events);
  const json = (value: unknown) => strToU8(`${JSON.stringify(toJsonSafe(value), null, 2)}\n`);

  const dealsJson = deals.map((d) => ({
    reference: d.reference,
    id: d.id,
    origin: d.origin,
    state: d.state,
    createdAt: d.createdAt,
    stateChangedAt: d.stateChangedAt,
    signedAt: d.signedAt,
    provider: d.provider,
    seeker: d.seeker,
    drawKey: d.drawKey,
    contractVersions: (contractsOf.get(d.id) ?? []).map((c) => ({
      version: c.version_no,
      state: c.state,
      value: c.value,
      signedAt: c.signed_at,
      createdAt: c.created_at,
      contentSha256: c.content_sha256,
    })),
    documents: (documentsOf.get(d.id) ?? []).map((a) => ({
      id: a.id,
      filename: a.filename,
      mimeType: a.mime_type,
      size: a.size,
      purpose: a.purpose,
      version: a.version,
      confidential: a.confidential,
      contractVersion: a.contract_version,
      createdAt: a.created_at,
      sha256: a.sha256,
    })),
    events: (eventsOf.get(d.id) ?? []).length,
  }));
  const files: Record<string, Uint8Array> = {
    "deals.json": json(dealsJson),
    "deals.csv": strToU8(
      csv([
        [
          "reference",
          "origin",
          "state",
          "created_at",
          "state_changed_at",
          "signed_at",
          "provider",
          "seeker",
          "contract_versions",
          "documents",
          "events",
          "draw_key",
        ],
        ...dealsJson.map((d) => [
          d.reference,
          d.origin,
          d.state,
          d.createdAt,
          d.stateChangedAt,
          d.signedAt,
          d.provider,
          d.seeker,
          d.contractVersions.length,
          d.documents.length,
          d.events,
          d.drawKey,
        ]),
      ]),
    ),
    "hashes.csv": strToU8(
      csv([
        ["reference", "kind", "version", "name", "sha256"],
        ...dealsJson.flatMap((d) => [
          ...d.contractVersions.map((c) => [d.reference, "contract", c.version, `v${c.version}`, c.contentSha256]),
          ...d.documents.map((a) => [d.reference, "document", a.version ?? "", a.filename, a.sha256]),
        ]),
      ]),
    ),
  };
  for (const d of deals) {
    files[`events/${d.reference}.json`] = json(
      (eventsOf.get(d.id) ?? []).map((e) => ({
        seq: e.seq,
        occurredAt: e.occurred_at,
        actorId: e.actor_id,
        actorRole: e.actor_role,
        action: e.action,
        entityType: e.entity_type,
        entityId: e.entity_id,
        before: e.before,
        after: e.after,
        reason: e.reason,
        prevHash: e.prev_hash,
        hash: e.hash,
      })),
    );
  }
  return files;
}
