import "server-only";
import type pg from "pg";
import { z } from "zod";
import { assertCan, type Principal } from "@/lib/authz";
import { db, pool } from "@/lib/db";
import { DealOrigin, DealState } from "@/lib/generated/prisma/enums";
import { customPeriod } from "@/lib/calendar/periods";
import type { AuditContext } from "./context";
import { appendAudit } from "./mutations";

/**
 * The auditor's reproducible random sample of deals (issue #13 item 6).
 *
 * Algorithm (anyone can redo it from the published parameters): take every deal that matches the
 * filters — created in the period (Vietnamese days, both included), in the state, of the origin — and
 * compute for each `sha256("<seed>:<deal id>")` (UTF-8, lower-case hex; the id is the deal's UUID in
 * lower case); sort by that hex string, then by id; keep the first N. The same seed and filters give
 * the same sample as long as the matching deals are the same; a different seed gives an independent
 * one. The seed is chosen at random by the page unless the auditor types one.
 */

export const MAX_SAMPLE_SIZE = 500;
export const SAMPLE_ALGORITHM =
  'Deals matching the filters, ordered by the lower-case hex SHA-256 of the UTF-8 text "<seed>:<deal id>", then by id; the first <size>.';

/** A real calendar day the period code accepts ("2025-02-30" or year 1900 is not one). */
const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => {
    try {
      customPeriod(day, day);
      return true;
    } catch {
      return false;
    }
  }, "invalid");
const blank = (value: unknown) => (typeof value === "string" ? value.trim() || undefined : value);

export const SampleInputSchema = z
  .object({
    seed: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,64}$/),
    size: z.coerce.number().int().min(1).max(MAX_SAMPLE_SIZE),
    from: z.preprocess(blank, Day.optional()),
    to: z.preprocess(blank, Day.optional()),
    state: z.preprocess(blank, z.enum(DealState).optional()),
    origin: z.preprocess(blank, z.enum(DealOrigin).optional()),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], message: "invalid_range" });
export type SampleInput = z.output<typeof SampleInputSchema>;

/** The filters as they are recorded in the audit event and the archive's manifest. */
export function sampleFilters(input: SampleInput) {
  return { from: input.from ?? null, to: input.to ?? null, state: input.state ?? null, origin: input.origin ?? null };
}

export interface SampledDeal {
  id: string;
  reference: string;
  origin: DealOrigin;
  state: DealState;
  createdAt: Date;
  stateChangedAt: Date;
  signedAt: Date | null;
  provider: string;
  seeker: string;
  /** sha256("<seed>:<id>"): the deal's place in the draw. */
  drawKey: string;
}

export interface Sample {
  deals: SampledDeal[];
  /** How many deals matched the filters (the population drawn from). */
  population: number;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** Draws the sample (no authorization, no audit): for drawSample and the archive. */
export async function selectSample(input: SampleInput, client: Queryable = pool()): Promise<Sample> {
  const where: string[] = [];
  const params: unknown[] = [input.seed];
  const add = (sql: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  if (input.from) add((n) => `d.created_at >= ${n}`, customPeriod(input.from, input.from).from);
  if (input.to) add((n) => `d.created_at < ${n}`, customPeriod(input.to, input.to).to);
  if (input.state) add((n) => `d.state = ${n}::"DealState"`, input.state);
  if (input.origin) add((n) => `d.origin = ${n}::"DealOrigin"`, input.origin);
  const filter = where.length ? `WHERE ${where.join(" AND ")}` : "";
  params.push(input.size);
  const { rows } = await client.query<{
    id: string;
    reference: string;
    origin: DealOrigin;
    state: DealState;
    created_at: Date;
    state_changed_at: Date;
    signed_at: Date | null;
    provider: string;
    seeker: string;
    draw_key: string;
    population: number;
  }>(
    `WITH matching AS (
       SELECT d.*, encode(sha256(convert_to($1 || ':' || d.id::text, 'UTF8')), 'hex') AS draw_key
         FROM deals d ${filter})
     SELECT m.id, m.reference, m.origin, m.state, m.created_at, m.state_changed_at, m.signed_at,
            p.name AS provider, s.name AS seeker, m.draw_key, (SELECT count(*)::int FROM matching) AS population
       FROM matching m JOIN organizations p ON p.id = m.provider_org_id JOIN organizations s ON s.id = m.seeker_org_id
      ORDER BY m.draw_key, m.id LIMIT $${params.length}`,
    params,
  );
  return {
    // size ≥ 1: when anything matched, at least one row came back carrying the count.
    population: rows[0]?.population ?? 0,
    deals: rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      origin: r.origin,
      state: r.state,
      createdAt: r.created_at,
      stateChangedAt: r.state_changed_at,
      signedAt: r.signed_at,
      provider: r.provider,
      seeker: r.seeker,
      drawKey: r.draw_key,
    })),
  };
}

/**
 * The auditor's sample ("audit:export": the independent auditor only), recorded as an
 * "audit.sample" event with the seed, the filters and the references drawn.
 */
export async function drawSample(user: Principal | null, ctx: AuditContext, input: SampleInput): Promise<Sample> {
  assertCan(user, "audit:export");
  const sample = await selectSample(input);
  await db.$transaction((tx) =>
    appendAudit(tx, ctx, {
      action: "audit.sample",
      entityType: "audit_sample",
      entityId: input.seed,
      after: {
        seed: input.seed,
        size: input.size,
        filters: sampleFilters(input),
        population: sample.population,
        references: sample.deals.map((d) => d.reference),
      },
    }),
  );
  return sample;
}
