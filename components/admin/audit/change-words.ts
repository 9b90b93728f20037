import { getFormatter, getTranslations } from "next-intl/server";
import {
  fieldWords,
  LISTING_CHOICES,
  LISTING_LISTS,
  LISTING_MONEY,
  listingLabels,
} from "@/components/moderation/field-words";
import { screeningNoteReader } from "@/components/moderation/screening-note";
import { periodLabel } from "@/components/oversight/format";
import { changeText, type FieldChange } from "@/lib/audit/history";
import { parsePeriodKey } from "@/lib/calendar/periods";
import { isScreeningNote } from "@/lib/listings/screening-note";
import { EMPTY_LIST_WORDS, FIELD_LABELS, VALUE_WORDS, type EntityTable } from "./labels";

/** A logged value in words, with the text the log holds for the auditor who needs it. */
export interface ValueWords {
  words: string;
  raw: string;
}

/** One changed field in words: its label (null when no catalogue names it) and both values. */
export interface ChangeWords {
  key: string;
  label: string | null;
  before: ValueWords | null;
  after: ValueWords | null;
}

/** A translator, as next-intl's server translators offer it. */
interface Lookup {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const LISTINGS = new Set(["offer", "demand"]);
/** Fields of the other entities ("type.key") holding a sector code, or a TRL. */
const SECTOR_FIELDS = new Set(["screening_entry.sectorCodes", "saved_search.sector"]);
const TRL_FIELDS = new Set(["saved_search.trlMin", "saved_search.trlMax"]);

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/** A table's catalogue path for field `key` of `entityType` (own keys only: a logged key is data). */
const pathIn = (table: EntityTable, entityType: string, key: string): string | null => {
  const fields = Object.hasOwn(table, entityType) ? table[entityType]! : null;
  return fields && Object.hasOwn(fields, key) ? fields[key]! : null;
};

/**
 * Reads an entity's logged changes (lib/audit/history.ts) in words, in the request's locale, the way
 * the screens that edit it do: a listing's fields with the owner's form labels and the moderation
 * review's words (components/moderation/field-words.ts), an organization's with the profile form's,
 * deals, contracts, registrations and users with the log's own (auditLog.history.fields) and their
 * states, roles and statuses as words; flags, experts, saved searches, matches, targets, screening
 * entries, membership requests, invitations, attachments, searches without results,
 * notifications and audit samples with the labels of the screens that edit them (or the log's own,
 * auditLog.history.fieldsOf) and their codes as words (./labels.ts FIELD_LABELS, VALUE_WORDS). A field no catalogue names keeps its key; a value
 * nothing reads is shown as the log holds it.
 */
export async function changeReader(entityType: string) {
  const words = await fieldWords();
  const format = await getFormatter();
  const notes = await screeningNoteReader();
  const t: Lookup = await getTranslations("auditLog");
  const all: Lookup = await getTranslations();
  const periods: Lookup = await getTranslations("oversight.period");
  const ns = async (namespace: string): Promise<Lookup> => getTranslations(namespace);
  const [org, verification, orgTypes, roles, deals, users, moderation] = await Promise.all([
    ns("workspace.org"),
    ns("verification"),
    ns("orgTypes"),
    ns("roles"),
    ns("deals"),
    ns("adminTools.users"),
    ns("moderation.errors"),
  ]);
  const listingLabel = LISTINGS.has(entityType) ? await listingLabels(entityType as "offer" | "demand") : null;
  const listing = listingLabel !== null;

  /** The label of one segment of a key ("pendingLegal.taxCode" has two). */
  const segmentLabel = (key: string): string | null => {
    if (t.has(`history.fieldsOf.${entityType}.${key}`)) return t(`history.fieldsOf.${entityType}.${key}`);
    const path = pathIn(FIELD_LABELS, entityType, key);
    if (path && all.has(path)) return all(path);
    const own = listingLabel?.(key) ?? (entityType === "organization" && org.has(key) ? org(key) : null);
    if (own) return own;
    return t.has(`history.fields.${key}`) ? t(`history.fields.${key}`) : null;
  };
  const label = (key: string): string | null => {
    const parts = key.split(".").map(segmentLabel);
    return parts.every((p): p is string => p !== null) ? parts.join(" › ") : null;
  };

  const named = (lookup: Lookup, code: string) => (lookup.has(code) ? lookup(code) : code);
  /** A code in the words VALUE_WORDS points to for field `key` of this entity (or of any), or null. */
  const codeWords = (key: string, code: string): string | null => {
    const prefix = pathIn(VALUE_WORDS, entityType, key) ?? pathIn(VALUE_WORDS, "*", key);
    return prefix && all.has(`${prefix}${code}`) ? all(`${prefix}${code}`) : null;
  };

  /** A code or a scalar of field `key` (the last segment of its path) in words, or null when nothing reads it. */
  const scalar = (key: string, value: unknown): string | null => {
    if (typeof value === "boolean") return words.yesNo(value);
    if (typeof value === "string") {
      const coded = codeWords(key, value);
      if (coded !== null) return coded;
      if (SECTOR_FIELDS.has(`${entityType}.${key}`)) return words.sector(value);
      if (entityType === "kpi_target" && key === "period") {
        const period = parsePeriodKey(value);
        return period ? periodLabel(periods, period) : null;
      }
      if (listing) {
        if (key in LISTING_CHOICES) return words.choice(LISTING_CHOICES[key as keyof typeof LISTING_CHOICES], value);
        if (key in LISTING_LISTS) return words.choice(LISTING_LISTS[key as keyof typeof LISTING_LISTS], value);
        if (key === "screeningNote" || key === "note") return notes.text(value);
        if (key === "event")
          return t.has(`actions.${entityType}.${value}`) ? t(`actions.${entityType}.${value}`) : null;
        if (key === "refused") return moderation.has(value) ? moderation(value) : null;
        if (key === "sectorCode") return words.sector(value);
      }
      if (LISTING_MONEY.has(key) || key === "fee") return /^\d+$/.test(value) ? words.money(value) : null;
      if (key === "location") return words.location(value);
      if (key === "verificationStatus") return named(verification, value);
      if (key === "type" && entityType === "organization") return named(orgTypes, value);
      if (key === "roles" || key === "role") return named(roles, value);
      if (key === "state" && entityType === "deal")
        return deals.has(`states.${value}`) ? deals(`states.${value}`) : null;
      if (key === "state" && entityType === "registration")
        return deals.has(`registrationState.${value}`) ? deals(`registrationState.${value}`) : null;
      if (key === "origin") return deals.has(`origins.${value}`) ? deals(`origins.${value}`) : null;
      if (["side", "confirmedBy", "invitedBy", "removedBy", "ndaRequiredBy", "confirmed"].includes(key))
        return deals.has(`contract.sides.${value}`) ? deals(`contract.sides.${value}`) : null;
      if (key === "status" && entityType === "user")
        return users.has(`status.${value}`) ? users(`status.${value}`) : null;
      // A DATE column (a demand's deadline) is logged as midnight UTC: shown as its day.
      if (ISO_MOMENT.test(value))
        return key === "deadline" ? words.day(new Date(value)) : words.moment(new Date(value));
      if (ISO_DAY.test(value)) return words.day(new Date(`${value}T00:00:00Z`));
      return null;
    }
    if (typeof value === "number") {
      if ((listing && (key === "trl" || key === "trlMin")) || TRL_FIELDS.has(`${entityType}.${key}`))
        return words.trl(value);
      if (LISTING_MONEY.has(key) || key === "fee") return words.money(value);
      return format.number(value);
    }
    return null;
  };

  /**
   * A value in words; for a list, each item in words; for an object (a field that appeared or went
   * away whole, such as a saved search's filters), one line per field: its label, its value in words.
   */
  const value = (path: string, v: unknown): ValueWords | null => {
    const raw = changeText(v);
    if (raw === null) return null;
    const key = path.split(".").at(-1)!;
    if (isPlainObject(v)) {
      const lines = Object.keys(v)
        .sort()
        .map((k) => `${segmentLabel(k) ?? k}: ${value(`${path}.${k}`, v[k])?.words ?? t("history.none")}`);
      return { words: lines.length ? lines.join("\n") : "—", raw };
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        const empty = pathIn(EMPTY_LIST_WORDS, entityType, key);
        return { words: empty && all.has(empty) ? all(empty) : "—", raw };
      }
      if (!v.every((item) => ["string", "number", "boolean"].includes(typeof item))) return { words: raw, raw };
      return { words: v.map((item) => scalar(key, item) ?? String(item)).join(", "), raw };
    }
    return { words: scalar(key, v) ?? raw, raw };
  };

  return {
    /** Every change of an event, in the order the log lists them. */
    changes: (changes: readonly FieldChange[]): ChangeWords[] =>
      changes.map((c) => ({
        key: c.key,
        label: label(c.key),
        before: value(c.key, c.before),
        after: value(c.key, c.after),
      })),
    /** An event's reason: a listing's screening note (an edit's reason is its note) in words, any other as it is. */
    reason: (reason: string) => (listing && isScreeningNote(reason) ? notes.text(reason) : reason),
  };
}
