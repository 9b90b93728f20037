/**
 * The exchange's legal documents, each with its version and effective date, defined here and nowhere
 * else: the pages show them, and registration records which versions a user accepted
 * (`currentConsent()`). The texts live in messages/<locale>/legal.json; a change of substance to a
 * text gets a new version here (the date it was published, "YYYY-MM-DD") and a new effective date.
 */
export const LEGAL_DOCUMENTS = {
  terms: {
    version: "2026-11-24",
    /** Calendar day in Hanoi from which this version applies (ISO date). */
    effectiveFrom: "2026-11-24",
    path: "/terms",
    /** Drafted by the operator; shown as a draft until the Department approves the text. */
    pendingApproval: true,
  },
  privacy: {
    version: "2026-11-24",
    effectiveFrom: "2026-11-24",
    path: "/privacy",
    pendingApproval: true,
  },
} as const;

export type LegalDocumentId = keyof typeof LEGAL_DOCUMENTS;

export const LEGAL_DOCUMENT_IDS = Object.keys(LEGAL_DOCUMENTS) as LegalDocumentId[];

/** The versions a user accepts by registering now: `{ terms, privacy }`. */
export type Consent = { [K in LegalDocumentId]: string };

/** The versions in force, to record with a user's acceptance at registration. */
export function currentConsent(): Consent {
  return { terms: LEGAL_DOCUMENTS.terms.version, privacy: LEGAL_DOCUMENTS.privacy.version };
}

/** The instant a document's version takes effect: midnight of its effective day, Hanoi time (UTC+7, no DST). */
export function effectiveDate(id: LegalDocumentId): Date {
  return new Date(`${LEGAL_DOCUMENTS[id].effectiveFrom}T00:00:00+07:00`);
}
