import { ALL_ROLES } from "@/lib/authz";
import type { Role } from "@/lib/generated/prisma/enums";

/** A catalogue lookup, as next-intl's translators offer it (server or client). */
interface Lookup {
  (key: string): string;
  has(key: string): boolean;
}

/**
 * Words for what the log stores as codes. Actions come from the closed catalogue
 * (lib/audit/actions.ts; `auditLog.actions.<subject>.<verb>`, complete by
 * tests/unit/audit-labels.test.ts); roles from `roles` (user roles) or `auditLog.roles` (system,
 * anonymous); entity types from `auditLog.entityTypes`. An unknown code is shown as it is.
 */
export function auditLabels(t: Lookup, tRoles: Lookup) {
  return {
    action: (action: string) => (t.has(`actions.${action}`) ? t(`actions.${action}`) : action),
    role: (role: string | null) => {
      if (!role) return "—";
      if ((ALL_ROLES as readonly string[]).includes(role)) return tRoles(role as Role);
      return t.has(`roles.${role}`) ? t(`roles.${role}`) : role;
    },
    entityType: (type: string) => (t.has(`entityTypes.${type}`) ? t(`entityTypes.${type}`) : type),
  };
}

/** A table of catalogue paths by entity type, then by field key. */
export type EntityTable = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The labels of fields that the audited writes of the other entities log (lib/<domain>), as full
 * catalogue paths: the label the screen that edits the field shows. Keyed by one segment of a
 * logged path ("filters.sector" reads "Filters › Field or sector"). A field this table does not
 * name is looked up in `auditLog.history.fieldsOf.<type>`, then `auditLog.history.fields`
 * (components/admin/audit/change-words.ts); tests/integration/audit-words.test.ts checks each path
 * exists in both catalogues.
 */
export const FIELD_LABELS: EntityTable = {
  flag: { note: "oversight.flags.note", answer: "oversight.flags.answerLabel" },
  expert: { topic: "experts.contact.topic" },
  saved_search: {
    kind: "account.savedSearches.new.kind",
    query: "account.savedSearches.new.q",
    label: "auditLog.history.fields.name",
    filters: "catalog.filters.heading",
    sector: "catalog.filters.sector",
    trlMin: "catalog.filters.trlMin",
    trlMax: "catalog.filters.trlMax",
    form: "catalog.filters.form",
    ip: "catalog.filters.ip",
    orgType: "catalog.filters.orgType",
    location: "catalog.filters.location",
    verified: "catalog.filters.verified",
    priceMin: "catalog.filters.priceMin",
    priceMax: "catalog.filters.priceMax",
    budgetMin: "catalog.filters.budgetMin",
    budgetMax: "catalog.filters.budgetMax",
  },
  kpi_target: {
    metric: "oversight.performance.metric",
    period: "oversight.period.label",
    target: "oversight.performance.target",
    comparator: "oversight.targets.comparator",
    note: "oversight.targets.note",
  },
  screening_entry: {
    category: "adminTools.screening.fields.category",
    name: "adminTools.screening.fields.name",
    sectorCodes: "adminTools.screening.fields.sectorCodes",
    keywords: "adminTools.screening.fields.keywords",
    source: "adminTools.screening.fields.source",
    active: "adminTools.screening.active",
  },
  audit_sample: {
    seed: "auditLog.sample.seed",
    size: "auditLog.sample.size",
    filters: "auditLog.log.filtersTitle",
    from: "auditLog.sample.from",
    to: "auditLog.log.to",
    state: "auditLog.sample.state",
    origin: "auditLog.sample.origin",
  },
};

/**
 * Where the words of a code a field holds are: the catalogue path the code completes
 * (`${prefix}${code}`), by entity type; `*` for every type.
 */
export const VALUE_WORDS: EntityTable = {
  "*": { orgRole: "membership.role_" },
  flag: { state: "oversight.flags.state.", entityType: "oversight.flags.entity." },
  match: { offerState: "matching.account.state.", demandState: "matching.account.state." },
  kpi_target: { metric: "oversight.metrics.", comparator: "oversight.targets." },
  screening_entry: { category: "enums.screeningCategory." },
  membership_request: { status: "auditLog.history.values.membershipStatus." },
  saved_search: {
    kind: "account.savedSearches.kind.",
    form: "enums.transferForm.",
    ip: "enums.ipStatus.",
    orgType: "orgTypes.",
  },
  attachment: { kind: "files.kind." },
  search_miss: { via: "auditLog.history.values.missHandled." },
  audit_sample: { state: "deals.states." },
};

/** What an empty list means, where it means more than "none": a screening entry without sectors applies to all. */
export const EMPTY_LIST_WORDS: EntityTable = {
  screening_entry: { sectorCodes: "adminTools.screening.allSectors" },
};
