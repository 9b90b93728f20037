/**
 * How often each value occurs in the generated data set (weights, not probabilities). Kept apart from
 * the row builders so the mix can be tuned without touching how rows are assembled. The weights are a
 * plausible guess, not measured from real listings.
 */
import type { OrgTypeName } from "./names";

export const ORG_TYPES: [OrgTypeName, number][] = [
  ["UNIVERSITY", 15],
  ["INSTITUTE", 15],
  ["ENTERPRISE", 55],
  ["INDIVIDUAL", 7],
  ["INTERMEDIARY", 5],
  ["STATE_AGENCY", 3],
];
export const ROLES: Record<OrgTypeName, string[]> = {
  UNIVERSITY: ["PROVIDER"],
  INSTITUTE: ["PROVIDER", "SEEKER"],
  ENTERPRISE: ["PROVIDER", "SEEKER"],
  INDIVIDUAL: ["PROVIDER"],
  INTERMEDIARY: ["INTERMEDIARY"],
  STATE_AGENCY: ["SEEKER"],
};
export const IP: [string, number][] = [
  ["PATENT", 18],
  ["UTILITY_SOLUTION", 14],
  ["INDUSTRIAL_DESIGN", 4],
  ["PLANT_VARIETY", 3],
  ["COPYRIGHT_SOFTWARE", 10],
  ["LAYOUT_DESIGN", 1],
  ["APPLICATION_PENDING", 15],
  ["KNOW_HOW", 20],
  ["NONE", 15],
];
export const OBJECTS = ["KNOW_HOW", "DOCUMENTS_SOFTWARE_DATA", "RATIONALISATION", "MACHINERY_WITH_TECHNOLOGY"];
export const FORMS = [
  "STANDALONE",
  "INVESTMENT_PROJECT",
  "CAPITAL_CONTRIBUTION",
  "FRANCHISE",
  "IP_RIGHT_TRANSFER",
  "MACHINERY_SALE",
];
export const METHODS = ["DOCUMENTS", "TRAINING", "EXPERT_ASSISTANCE", "MACHINERY_PLUS", "OTHER"];
export const PROGRAMMES = [
  "Chương trình KH&CN trọng điểm cấp thành phố",
  "Quỹ Phát triển KH&CN Quốc gia (NAFOSTED)",
  "Chương trình Nông thôn miền núi",
  "Đề tài cấp Bộ",
];
