import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { inRanges, type Range } from "./rollups";
import { ALL_DIMENSIONS, dealJoinsFor, dimensionSelect, filterSql, type DimensionReads, type KpiFilter } from "./sql";

/**
 * The facts of the sources counted in SQL and rolled up by month (./rollups.ts): their records in
 * the ranges given, counted by the three dimensions. The computation (./compute.ts) adds them to
 * the rolled-up months of the period; the job (./rollup-job.ts) stores one month of them. Columns:
 * field, district, org_type, metric, measure, met, n, amount — the layout of kpi_rollup_rows.
 * Only the dimensions `reads` names are read (the job reads all three); the others are NULL and
 * their joins left out, which changes no count (./sql.ts, dimensionReads).
 */

const columns = (reads: DimensionReads) => dimensionSelect(reads, Prisma.sql`org_type`);

/** Matches suggested: counted when created, under their offer's field and organization. */
export const matchFacts = (ranges: readonly Range[], filter: KpiFilter, reads = ALL_DIMENSIONS) => Prisma.sql`
  SELECT ${columns(reads)}, 'suggested' AS metric, NULL::float8 AS measure, NULL::boolean AS met,
         count(*)::int AS n, NULL::numeric AS amount
    FROM matches m
    ${reads.sector || reads.organization ? Prisma.sql`JOIN offers o ON o.id = m.offer_id` : Prisma.empty}
    ${reads.sector ? Prisma.sql`JOIN taxonomy_nodes t ON t.code = o.sector_code` : Prisma.empty}
    ${reads.organization ? Prisma.sql`JOIN organizations g ON g.id = o.organization_id` : Prisma.empty}
   WHERE ${inRanges(Prisma.sql`m.created_at`, ranges)} ${filterSql(filter)}
   GROUP BY 1, 2, 3`;

/** Contracts signed, with their value; `met`: on a state-funded offer. */
export const contractFacts = (ranges: readonly Range[], filter: KpiFilter, reads = ALL_DIMENSIONS) => Prisma.sql`
  SELECT ${columns(reads)}, 'signed' AS metric, NULL::float8 AS measure, o.state_funded AS met,
         count(*)::int AS n, sum(c.value)::numeric AS amount
    FROM contracts c
    JOIN deals d ON d.id = c.deal_id ${dealJoinsFor(reads, true)}
   WHERE ${inRanges(Prisma.sql`c.signed_at`, ranges)} ${filterSql(filter)}
   GROUP BY 1, 2, 3, 6`;

/** Registrations filed (with their fees) and certified. */
export const registrationFacts = (ranges: readonly Range[], filter: KpiFilter, reads = ALL_DIMENSIONS) => Prisma.sql`
  SELECT ${columns(reads)}, e.metric, NULL::float8 AS measure, NULL::boolean AS met,
         count(*)::int AS n, sum(e.amount)::numeric AS amount
    FROM registrations r
    ${
      reads.sector || reads.organization
        ? Prisma.sql`JOIN contracts c ON c.id = r.contract_id
    JOIN deals d ON d.id = c.deal_id ${dealJoinsFor(reads)}`
        : Prisma.empty
    }
   CROSS JOIN LATERAL (VALUES ('filed', r.filed_at, r.fee),
                              ('certified', CASE WHEN r.state = 'CERTIFIED' THEN r.decided_at END, NULL::bigint)) e(metric, at, amount)
   WHERE (${inRanges(Prisma.sql`r.filed_at`, ranges)} OR ${inRanges(Prisma.sql`r.decided_at`, ranges)})
     AND ${inRanges(Prisma.sql`e.at`, ranges)} ${filterSql(filter)}
   GROUP BY 1, 2, 3, 4`;
