import "server-only";
import { systemContext, type AuditContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { assertCan, type Principal } from "@/lib/authz";
import { invalidate } from "@/lib/cache/invalidate";
import { matchesChanged } from "@/lib/cache/tags";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { Prisma, type Match } from "@/lib/generated/prisma/client";
import type { MatchState } from "@/lib/generated/prisma/enums";
import { LISTING_KIND, type ListingKind } from "@/lib/listings/kinds";
import { notify } from "@/lib/notifications/mutations";
import { transition, workflowTransaction, type Workflow } from "@/lib/workflow/transition";
import { findMatchesForDemand, findMatchesForOffer } from "./engine";
import { STRONG_MATCH } from "./score";
import { MATCH_EVENT_FOR, MATCH_SIDE_MACHINE, type MatchActor, type MatchSideEvent } from "./state-machine";

/** Stored per listing: the best KEEP matches scoring at least MIN_SCORE (all related: score.ts MIN_RELATEDNESS). */
export const KEEP = 20;
export const MIN_SCORE = 0.45;

/**
 * Recomputes and stores a listing's matches in one audited transaction: new pairs are added, scores
 * and explanations refreshed, pairs that fell out removed unless an owner acted on them, and each
 * owner's dismissal kept. Strong new matches notify both owners, once.
 */
export async function recomputeMatches(
  kind: ListingKind,
  id: string,
  ctx: AuditContext = systemContext("job:matching"),
) {
  const found = (kind === "offer" ? await findMatchesForOffer(id, KEEP) : await findMatchesForDemand(id, KEEP)).filter(
    (m) => m.score >= MIN_SCORE,
  );
  const otherKey = kind === "offer" ? "demandId" : "offerId";
  const counterparts = new Set(found.map((m) => m[otherKey]));
  const run = await audited(ctx, async (tx) => {
    const key = kind === "offer" ? "offerId" : "demandId";
    const existing = await tx.match.findMany({ where: { [key]: id } });
    for (const m of existing) counterparts.add(m[otherKey]);
    const keep = new Set(found.map((m) => `${m.offerId}:${m.demandId}`));
    const stale = existing.filter(
      (m) => !keep.has(`${m.offerId}:${m.demandId}`) && m.offerState !== "ACTED_ON" && m.demandState !== "ACTED_ON",
    );
    if (stale.length) await tx.match.deleteMany({ where: { id: { in: stale.map((m) => m.id) } } });
    let notified = 0;
    for (const m of found) {
      const explanation = m.explanation as unknown as Prisma.InputJsonValue;
      const row = await tx.match.upsert({
        where: { offerId_demandId: { offerId: m.offerId, demandId: m.demandId } },
        create: { offerId: m.offerId, demandId: m.demandId, score: m.score, explanation },
        update: { score: m.score, explanation, computedAt: new Date() },
      });
      if (m.score >= STRONG_MATCH && !row.notifiedAt) {
        notified += await notifyOwners(tx, row.id, m.offerId, m.demandId, m.score);
      }
    }
    await tx.$executeRawUnsafe(`UPDATE ${LISTING_KIND[kind].table} SET matched_at = now() WHERE id = $1::uuid`, id);
    return {
      result: { stored: found.length, removed: stale.length, notified },
      audit: {
        action: "match.recompute",
        entityType: kind,
        entityId: id,
        after: { stored: found.length, removed: stale.length, notified },
      },
    };
  });
  // Usually run by the matching.sweep job, where this is bounded by the page lifetime (lib/cache/invalidate.ts).
  invalidate(matchesChanged(kind, id, counterparts));
  return run;
}

/**
 * Tells each owner which listing matched which of theirs: the notice names both and links to the
 * listing that matched (its public page; the reasons are on /account/matches).
 */
async function notifyOwners(tx: Tx, matchId: string, offerId: string, demandId: string, score: number) {
  const select = { createdById: true, titleVi: true, slug: true } as const;
  const [offer, demand] = await Promise.all([
    tx.offer.findUniqueOrThrow({ where: { id: offerId }, select }),
    tx.demand.findUniqueOrThrow({ where: { id: demandId }, select }),
  ]);
  await notify(tx, {
    userIds: [offer.createdById],
    type: "match.new",
    params: { title: demand.titleVi, listing: offer.titleVi, score },
    link: `${LISTING_KIND.demand.publicPath}/${demand.slug}`,
  });
  await notify(tx, {
    userIds: [demand.createdById],
    type: "match.new",
    params: { title: offer.titleVi, listing: demand.titleVi, score },
    link: `${LISTING_KIND.offer.publicPath}/${offer.slug}`,
  });
  await tx.match.update({ where: { id: matchId }, data: { notifiedAt: new Date() } });
  return 2;
}

/**
 * When the current rules of score.ts took effect (the minimum relatedness, shared terms in whole
 * words): a listing whose matches were computed before is recomputed once, so that no stored match
 * keeps a pair below the minimum or an explanation in syllable fragments. Move it to the release
 * date of any later change to score.ts that stored matches must follow. Never acted on while the
 * clock is before it, so a wrong clock cannot make the sweep recompute the same listings forever.
 */
export const MATCHING_RULES_SINCE = new Date("2026-11-24T00:00:00Z");

/**
 * Job: recompute every published listing changed since its matches were computed (or computed
 * before MATCHING_RULES_SINCE), and clear the suggestions of listings no longer published. Safe to
 * run often and on several workers.
 */
export async function sweepMatches(limit = 200) {
  let recomputed = 0;
  for (const kind of ["demand", "offer"] as const) {
    const table = LISTING_KIND[kind].table;
    const due = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM ${table} WHERE status = 'PUBLISHED'
          AND (matched_at IS NULL OR matched_at < updated_at OR (matched_at < $1 AND $1 <= now()))
        ORDER BY updated_at LIMIT ${Number(limit)}`,
      MATCHING_RULES_SINCE,
    );
    for (const { id } of due) {
      await recomputeMatches(kind, id);
      recomputed += 1;
    }
    const gone = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT id FROM ${table} WHERE status <> 'PUBLISHED' AND matched_at IS NOT NULL LIMIT ${Number(limit)}`,
    );
    for (const { id } of gone) {
      const otherKey = kind === "offer" ? "demandId" : "offerId";
      const counterparts: string[] = [];
      await audited(systemContext("job:matching"), async (tx) => {
        const key = kind === "offer" ? "offerId" : "demandId";
        const where = {
          [key]: id,
          offerState: { not: "ACTED_ON" as const },
          demandState: { not: "ACTED_ON" as const },
        };
        for (const m of await tx.match.findMany({ where, select: { offerId: true, demandId: true } })) {
          counterparts.push(m[otherKey]);
        }
        const { count } = await tx.match.deleteMany({ where });
        await tx.$executeRawUnsafe(`UPDATE ${table} SET matched_at = NULL WHERE id = $1::uuid`, id);
        return {
          result: count,
          audit: { action: "match.clear", entityType: kind, entityId: id, after: { removed: count } },
        };
      });
      invalidate(matchesChanged(kind, id, counterparts));
    }
  }
  return { recomputed };
}

type Side = "offerState" | "demandState";

/**
 * One side of a match as the workflow engine moves it: the compare-and-set is on that side's state
 * (a side has no other column its moves depend on, so its state is its version), and the other
 * side's moves never conflict with it.
 */
function matchSideWorkflow(side: Side): Workflow<MatchState, MatchSideEvent, MatchActor, Match, undefined> {
  return {
    machine: MATCH_SIDE_MACHINE,
    store: {
      field: side,
      stateOf: (match) => match[side],
      write: async (tx, match, move) => {
        const { count } =
          side === "offerState"
            ? await tx.match.updateMany({
                where: { id: match.id, offerState: move.from },
                data: { offerState: move.to },
              })
            : await tx.match.updateMany({
                where: { id: match.id, demandState: move.from },
                data: { demandState: move.to },
              });
        return count;
      },
    },
  };
}

/**
 * An owner moves their side of a match (see, dismiss, restore, act on it) by the table in
 * ./state-machine.ts: a state the table does not lead to from the current one answers
 * AppError("invalid_state") — an acted-on match stays acted on. Only the owning organization of the
 * offer (or of the demand) may; anyone else gets not_found.
 */
export async function setMatchState(
  ctx: AuditContext,
  user: Principal,
  matchId: string,
  state: "DISMISSED" | "ACTED_ON" | "SEEN" | "SUGGESTED",
) {
  return workflowTransaction(async (tx) => {
    const match = await tx.match.findUnique({
      where: { id: matchId },
      include: { offer: { select: { organizationId: true } }, demand: { select: { organizationId: true } } },
    });
    if (!match || !user.organizationId) throw new AppError("not_found");
    const side: Side | null =
      match.offer.organizationId === user.organizationId
        ? "offerState"
        : match.demand.organizationId === user.organizationId
          ? "demandState"
          : null;
    if (!side) throw new AppError("not_found");
    assertCan(user, side === "offerState" ? "offer:manage-own" : "demand:manage-own", {
      organizationId: user.organizationId,
    });
    await transition(tx, matchSideWorkflow(side), match, MATCH_EVENT_FOR[state], {
      actor: "owner",
      audit: ctx,
      action: "match.state",
      entityType: "match",
    });
    return state;
  });
}

/**
 * Inside a deal's first transaction (lib/deals/mutations.ts): the organization that started the
 * deal from a match card acts on its side of that match. The match must join the deal's offer (and
 * demand, when the deal has one) and `organizationId` must own one of its sides, else not_found;
 * a side already acted on stays so (a second deal from the same match is no new step).
 */
export async function actOnMatch(
  tx: Tx,
  ctx: AuditContext,
  organizationId: string,
  matchId: string,
  listing: { offerId: string; demandId: string | null },
) {
  const match = await tx.match.findUnique({
    where: { id: matchId },
    include: { offer: { select: { organizationId: true } }, demand: { select: { organizationId: true } } },
  });
  if (!match || match.offerId !== listing.offerId || (listing.demandId && match.demandId !== listing.demandId)) {
    throw new AppError("not_found", "match_not_found");
  }
  const side: Side | null =
    match.offer.organizationId === organizationId
      ? "offerState"
      : match.demand.organizationId === organizationId
        ? "demandState"
        : null;
  if (!side) throw new AppError("not_found", "match_not_found");
  if (match[side] === "ACTED_ON") return;
  await transition(tx, matchSideWorkflow(side), match, "act", {
    actor: "owner",
    audit: ctx,
    action: "match.state",
    entityType: "match",
  });
}
