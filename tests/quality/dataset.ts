/**
 * The labelled search and matching quality set: organizations, published offers and demands,
 * search queries with graded judgments and matching judgments. Pure data plus an integrity check;
 * tests/quality/seed.ts inserts it and tests/integration/search-quality.test.ts scores the engines.
 */
import { TAXONOMY } from "../../prisma/data/taxonomy";
import { DEMANDS } from "./demands";
import { MATCH_JUDGMENTS } from "./matches";
import { AGRIFOOD_OFFERS } from "./offers-agrifood";
import { DIGITAL_ENERGY_OFFERS } from "./offers-digital-energy";
import { ENVIRONMENT_OFFERS } from "./offers-environment";
import { SEARCH_QUERIES as BASE_QUERIES } from "./queries";
import { NATURAL_QUERIES } from "./queries-natural";
import type { OfferSpec, OrgSpec, SearchQuerySpec } from "./types";

export { DEMANDS, MATCH_JUDGMENTS };

/** The original 35 queries, then the natural-language ones (questions, synonyms, mixed English). */
export const SEARCH_QUERIES: SearchQuerySpec[] = [...BASE_QUERIES, ...NATURAL_QUERIES];

export type * from "./types";

/** Providers own the offers; seekers own the demands (the matcher skips an organization's own offers). */
export const ORGS: OrgSpec[] = [
  {
    key: "uni-tech",
    name: "Trường Đại học Kỹ thuật Hà Nội (dữ liệu thử)",
    type: "UNIVERSITY",
    location: "HN-HAIBATRUNG",
  },
  {
    key: "uni-agri",
    name: "Trường Đại học Nông nghiệp Gia Lâm (dữ liệu thử)",
    type: "UNIVERSITY",
    location: "HN-GIALAM",
  },
  { key: "inst-env", name: "Viện Công nghệ Môi trường và Tài nguyên nước", type: "INSTITUTE", location: "HN-CAUGIAY" },
  { key: "inst-mat", name: "Viện Khoa học Vật liệu Ứng dụng", type: "INSTITUTE", location: "HN-CAUGIAY" },
  { key: "inst-med", name: "Viện Công nghệ Y sinh", type: "INSTITUTE", location: "HN-DONGDA" },
  { key: "inst-food", name: "Viện Công nghệ Thực phẩm và Sau thu hoạch", type: "INSTITUTE", location: "HN-THANHXUAN" },
  { key: "inst-aqua", name: "Viện Nghiên cứu Nuôi trồng Thủy sản Bắc Bộ", type: "INSTITUTE", location: "HN-THANHTRI" },
  { key: "inst-social", name: "Viện Nghiên cứu Phát triển Đô thị", type: "INSTITUTE", location: "HN-BADINH" },
  { key: "co-soft", name: "Công ty Cổ phần Phần mềm Sao Khuê", type: "ENTERPRISE", location: "HN-CAUGIAY" },
  { key: "co-mech", name: "Công ty TNHH Cơ khí Chính xác Đông Anh", type: "ENTERPRISE", location: "HN-DONGANH" },
  {
    key: "biz-city",
    name: "Ban Quản lý dự án Đầu tư xây dựng quận (dữ liệu thử)",
    type: "STATE_AGENCY",
    location: "HN-HOANGMAI",
  },
  {
    key: "biz-seafood",
    name: "Công ty Cổ phần Chế biến Thủy sản Sông Hồng",
    type: "ENTERPRISE",
    location: "HN-THANHTRI",
  },
  { key: "biz-farm", name: "Hợp tác xã Nông nghiệp Công nghệ cao Ba Vì", type: "ENTERPRISE", location: "HN-BAVI" },
  { key: "biz-food", name: "Công ty TNHH Thực phẩm Xanh Hà Nội", type: "ENTERPRISE", location: "HN-LONGBIEN" },
  {
    key: "biz-build",
    name: "Công ty Cổ phần Vật liệu và Năng lượng Sóc Sơn",
    type: "ENTERPRISE",
    location: "HN-SOCSON",
  },
  {
    key: "biz-health",
    name: "Trung tâm Y tế huyện Chương Mỹ (dữ liệu thử)",
    type: "STATE_AGENCY",
    location: "HN-CHUONGMY",
  },
];

export const OFFERS: OfferSpec[] = [...ENVIRONMENT_OFFERS, ...DIGITAL_ENERGY_OFFERS, ...AGRIFOOD_OFFERS];

/** Taxonomy rows the set uses: each sector and its level-1 field. */
export function taxonomyRowsUsed() {
  const sectors = new Set([...OFFERS, ...DEMANDS].map((l) => l.sectorCode));
  const fields = new Set(TAXONOMY.filter((r) => sectors.has(r.code)).map((r) => r.parentCode));
  return TAXONOMY.filter((r) => sectors.has(r.code) || fields.has(r.code)).map((r) => ({
    code: r.code,
    parentCode: r.parentCode,
    level: r.parentCode ? 2 : 1,
    nameVi: r.nameVi,
    nameEn: r.nameEn,
    sortOrder: r.sortOrder,
  }));
}

function textsOf(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (value && typeof value === "object") return Object.values(value).flatMap(textsOf);
  return [];
}

/** Every integrity problem of the set (empty when sound): keys, references, taxonomy, ranges, NFC. */
export function datasetProblems(): string[] {
  const problems: string[] = [];
  const sectorCodes = new Set(
    TAXONOMY.filter((r) => r.parentCode !== null && /^\d{3}$/.test(r.code)).map((r) => r.code),
  );
  const orgKeys = new Set(ORGS.map((o) => o.key));
  const offerKeys = new Set<string>();
  const demandKeys = new Set<string>();
  const ownersOfDemands = new Set(DEMANDS.map((d) => d.org));
  for (const o of OFFERS) {
    if (offerKeys.has(o.key)) problems.push(`duplicate offer key ${o.key}`);
    offerKeys.add(o.key);
    if (!orgKeys.has(o.org)) problems.push(`${o.key}: unknown org ${o.org}`);
    if (ownersOfDemands.has(o.org)) problems.push(`${o.key}: owned by a demand owner, the matcher would skip it`);
    if (!sectorCodes.has(o.sectorCode))
      problems.push(`${o.key}: sector ${o.sectorCode} is not a level-2 taxonomy code`);
    if (!Number.isInteger(o.trl) || o.trl < 1 || o.trl > 9) problems.push(`${o.key}: TRL ${o.trl}`);
    if (Array.isArray(o.price) && o.price[0] > o.price[1]) problems.push(`${o.key}: price range reversed`);
    if (o.titleVi.length > 200 || o.summaryVi.length > 1000) problems.push(`${o.key}: text longer than the columns`);
  }
  for (const d of DEMANDS) {
    if (demandKeys.has(d.key) || offerKeys.has(d.key)) problems.push(`duplicate key ${d.key}`);
    demandKeys.add(d.key);
    if (!orgKeys.has(d.org)) problems.push(`${d.key}: unknown org ${d.org}`);
    if (!sectorCodes.has(d.sectorCode))
      problems.push(`${d.key}: sector ${d.sectorCode} is not a level-2 taxonomy code`);
    const [min, max] = d.budget ?? [null, null];
    if (min !== null && max !== null && min > max) problems.push(`${d.key}: budget reversed`);
  }
  for (const q of SEARCH_QUERIES) {
    const keys = Object.keys(q.judgments);
    if (!keys.length) problems.push(`query "${q.q}" has no judgments`);
    for (const key of keys) if (!offerKeys.has(key)) problems.push(`query "${q.q}": unknown offer ${key}`);
  }
  const seenQueries = new Set<string>();
  for (const q of SEARCH_QUERIES) {
    if (seenQueries.has(q.q)) problems.push(`duplicate query "${q.q}"`);
    seenQueries.add(q.q);
  }
  for (const m of MATCH_JUDGMENTS) {
    if (!demandKeys.has(m.demand)) problems.push(`match judgment: unknown demand ${m.demand}`);
    if (!m.relevant.length) problems.push(`match judgment ${m.demand}: nothing relevant`);
    for (const key of m.relevant)
      if (!offerKeys.has(key)) problems.push(`match judgment ${m.demand}: unknown offer ${key}`);
  }
  for (const text of textsOf([ORGS, OFFERS, DEMANDS, SEARCH_QUERIES])) {
    if (text !== text.normalize("NFC")) problems.push(`not NFC: ${text.slice(0, 60)}`);
  }
  return problems;
}
