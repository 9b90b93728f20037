import "server-only";
import { pool } from "@/lib/db";
import type { SynonymKeys } from "./score";

/**
 * The search thesaurus as matching uses it (issue #14 item 2): every term of an active synonym
 * group maps to the group's key, so "trâu bò" in a demand and "gia súc" in an offer are shared
 * subject matter. One-way expansions (abbreviations, broader words) are left to search: they say
 * what a query may also mean, not that two listings are about the same thing.
 */
export interface MatchSynonyms {
  keys: SynonymKeys;
  /** A group's key → the folded words of all its terms (candidate words for other sectors). */
  words: ReadonlyMap<string, string[]>;
}

export async function loadMatchSynonyms(): Promise<MatchSynonyms> {
  const { rows } = await pool().query<{ folded: string[] }>(
    `SELECT folded FROM search_synonyms WHERE active AND kind = 'SYNONYM' ORDER BY created_at, folded[1], id`,
  );
  const keys = new Map<string, string>();
  const words = new Map<string, string[]>();
  for (const { folded } of rows) {
    const key = folded[0];
    if (!key || keys.has(key)) continue;
    // A term already in an older group keeps that group.
    const members = folded.filter((term) => !keys.has(term));
    for (const term of members) keys.set(term, key);
    words.set(key, [...new Set(members.flatMap((term) => term.split(" ")))]);
  }
  return { keys, words };
}
