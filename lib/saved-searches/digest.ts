import "server-only";
import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { ACCOUNT_AUDIT } from "@/lib/accounts/audit-actions";
import { systemContext } from "@/lib/audit/context";
import { appendAudit } from "@/lib/audit/mutations";
import { db, pool } from "@/lib/db";
import { env } from "@/lib/env";
import { loadMessages } from "@/lib/i18n/messages";
import {
  absoluteUrl,
  appBaseUrl,
  NOTIFICATION_TIME_ZONE,
  toNotificationLocale,
  type NotificationLocale,
} from "@/lib/notifications/render";
import { listingPage } from "@/lib/search/queries";
import type { Display } from "@/lib/search/sql";
import { listingPath, normalizeSearch, savedSearchPath } from "./filters";
import { LISTINGS_PER_EMAIL, type SavedSearchKind } from "./schemas";

/**
 * The weekly e-mail of saved searches (job `saved-searches.weekly`): each saved search is run again
 * through the search module — the same words and filters as the catalog, newest first — and the
 * listings published since its `checkedAt` are e-mailed to its owner through the outbox, at most
 * LISTINGS_PER_EMAIL per mail with a link to all of them. Nothing is sent when there is nothing
 * new. Then `checkedAt` moves on, in the same transaction as the e-mail and its audit event.
 */

/**
 * Publications younger than this are left for the next run: a listing's `publishedAt` is set inside
 * the approving transaction, which may commit a few seconds later (an audited transaction lasts at
 * most 30 s), so a run could otherwise move past a listing it could not see yet.
 */
export const SETTLE_MS = 60_000;

/** How many of the newest matches one run looks at per saved search (more than a mail lists). */
const LOOK_AHEAD = 100;

export interface DigestRun {
  /** Saved searches looked at. */
  searches: number;
  /** E-mails queued. */
  sent: number;
  /** Saved searches whose stored query the catalog no longer accepts (skipped, kept). */
  invalid: number;
}

interface NewListing {
  id: string;
  slug: string;
  titleVi: string;
  titleEn: string | null;
  publishedAt: Date;
}

const display = (kind: SavedSearchKind): Display => ({
  select: `l.id, l.slug, l.title_vi AS "titleVi", l.title_en AS "titleEn", l.published_at AS "publishedAt"`,
  joins: `JOIN ${kind} l ON l.id = page.id`,
});

interface SearchRow {
  id: string;
  kind: string;
  query: string;
  filters: unknown;
  label: string;
  checkedAt: Date;
  email: string;
  name: string;
  locale: string;
}

/**
 * Runs every saved search of an active user who still holds a party role, one after another. `now`
 * and `settleMs` are parameters for the tests; the job passes neither.
 */
export async function sendSavedSearchDigests(
  options: { now?: Date; settleMs?: number; userId?: string } = {},
): Promise<DigestRun> {
  const now = options.now ?? new Date();
  const cutoff = new Date(now.getTime() - (options.settleMs ?? SETTLE_MS));
  const run: DigestRun = { searches: 0, sent: 0, invalid: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    // Keyset pages, so a run over many users never holds one large result.
    const { rows } = await pool().query<SearchRow>(
      `SELECT s.id, s.kind, s.query, s.filters, s.label, s.checked_at AS "checkedAt", u.email, u.name, u.locale
         FROM saved_searches s JOIN users u ON u.id = s.user_id
        WHERE s.id > $1::uuid AND u.status = 'ACTIVE' AND u.roles && ARRAY['PROVIDER','SEEKER','INTERMEDIARY']::"Role"[]
          AND s.checked_at < $2 AND ($3::uuid IS NULL OR s.user_id = $3::uuid)
        ORDER BY s.id LIMIT 200`,
      [after, cutoff, options.userId ?? null],
    );
    for (const row of rows) {
      run.searches++;
      const outcome = await digestOne(row, cutoff);
      if (outcome === "sent") run.sent++;
      if (outcome === "invalid") run.invalid++;
    }
    if (rows.length < 200) break;
    after = rows.at(-1)!.id;
  }
  return run;
}

async function digestOne(row: SearchRow, cutoff: Date): Promise<"sent" | "none" | "invalid" | "skipped"> {
  const kind: SavedSearchKind = row.kind === "demands" ? "demands" : "offers";
  const search = normalizeSearch(kind, row.query, (row.filters ?? {}) as Record<string, unknown>);
  if (!search.ok) return "invalid";
  // Strict words ("words" mode: neither relaxed nor spelling-corrected), newest first: what is new
  // comes first, and a weekly e-mail never guesses what the user meant.
  const page = await listingPage<NewListing>(
    kind,
    { q: search.q, filters: search.filters, sort: "newest", pageSize: LOOK_AHEAD, mode: "words" },
    display(kind),
  );
  const fresh = page.rows.filter(
    (l) => l.publishedAt.getTime() > row.checkedAt.getTime() && l.publishedAt.getTime() <= cutoff.getTime(),
  );
  if (fresh.length === 0) return "none";
  // The look-ahead ended while still among new listings: there are more than it counted.
  const last = page.rows.at(-1);
  const capped = page.rows.length === LOOK_AHEAD && last !== undefined && last.publishedAt > row.checkedAt;
  const locale = toNotificationLocale(row.locale);
  const mail = await renderDigest(locale, {
    name: row.name,
    label: row.label,
    kind,
    since: row.checkedAt,
    listings: fresh.slice(0, LISTINGS_PER_EMAIL),
    count: fresh.length,
    capped,
    allPath: savedSearchPath(kind, search.q, search.filters),
  });
  return db.$transaction(async (tx) => {
    // Moved on only from where this run read it: a second run at the same time sends nothing twice.
    const { count } = await tx.savedSearch.updateMany({
      where: { id: row.id, checkedAt: row.checkedAt },
      data: { checkedAt: cutoff, lastSentAt: new Date() },
    });
    if (count !== 1) return "skipped" as const;
    await tx.emailOutbox.create({ data: { to: row.email, subject: mail.subject, body: mail.body } });
    await appendAudit(tx, systemContext("job:saved-searches.weekly"), {
      action: ACCOUNT_AUDIT.sendSearchAlert,
      entityType: "saved_search",
      entityId: row.id,
      after: { listings: fresh.slice(0, LISTINGS_PER_EMAIL).map((l) => l.id), count: fresh.length, checkedAt: cutoff },
    });
    return "sent" as const;
  });
}

type Translate = (key: string, values?: Record<string, string | number | Date>) => string;

async function translator(locale: NotificationLocale): Promise<Translate> {
  // Keys picked at run time: the catalog-derived key types cannot follow them.
  return createTranslator({
    locale,
    messages: (await loadMessages(locale)) as AbstractIntlMessages,
    namespace: "account.savedSearches.email",
    timeZone: NOTIFICATION_TIME_ZONE,
  }) as unknown as Translate;
}

/** The e-mail of one saved search: subject, greeting, the new listings with their links, the way out. */
export async function renderDigest(
  locale: NotificationLocale,
  input: {
    name: string;
    label: string;
    kind: SavedSearchKind;
    since: Date;
    listings: NewListing[];
    count: number;
    capped: boolean;
    allPath: string;
  },
): Promise<{ subject: string; body: string }> {
  const t = await translator(locale);
  const base = appBaseUrl(env());
  const url = (path: string) => absoluteUrl(base, locale, path);
  const lines = [
    t("greeting", { name: input.name }),
    "",
    t(`${input.capped ? "introCapped" : "intro"}.${input.kind}`, {
      count: input.count,
      label: input.label,
      since: input.since,
    }),
    "",
  ];
  for (const listing of input.listings) {
    const title = locale === "en" && listing.titleEn ? listing.titleEn : listing.titleVi;
    lines.push(`- ${title.replace(/\s+/g, " ").trim()}`, `  ${url(listingPath(input.kind, listing.slug))}`);
  }
  lines.push(
    "",
    t("all", { url: url(input.allPath) }),
    "",
    "-- ",
    t("signature"),
    t("footer", { url: url("/account/saved-searches") }),
  );
  const subject = t("subject", { count: input.count, label: input.label }).replace(/\s+/g, " ").trim();
  return { subject: subject.length > 300 ? `${subject.slice(0, 299)}…` : subject, body: lines.join("\n") };
}
