import { FUNNEL_STAGES, KPI_CATALOGUE, PUBLIC_METRICS } from "@/lib/kpi/catalogue";

/**
 * Example answers of the OpenAPI document (shown on /developers): the shapes the routes return,
 * with made-up values. No real listing, organization or person. Pure.
 */

const organization = {
  name: "Viện Công nghệ Môi trường",
  nameEn: "Institute of Environmental Technology",
  slug: "vien-cong-nghe-moi-truong",
  type: "INSTITUTE",
  verified: true,
};
const field = { code: "2", nameVi: "Khoa học kỹ thuật và công nghệ", nameEn: "Engineering and technology" };
const sector = { code: "207", nameVi: "Kỹ thuật môi trường", nameEn: "Environmental engineering" };
const dates = {
  publishedAt: "2026-03-02T03:15:00.000Z",
  updatedAt: "2026-03-02T03:15:00.000Z",
  expiresAt: "2027-03-02T03:15:00.000Z",
};

const offerItem = {
  id: "5b0c3c1e-8a5e-4b8f-9a43-1f0f7f0b2a11",
  slug: "cong-nghe-xu-ly-nuoc-thai-sinh-hoat",
  url: "/technologies/cong-nghe-xu-ly-nuoc-thai-sinh-hoat",
  titleVi: "Công nghệ xử lý nước thải sinh hoạt",
  titleEn: "Domestic wastewater treatment technology",
  summaryVi: "Hệ thống xử lý nước thải quy mô nhỏ, chi phí vận hành thấp.",
  summaryEn: "Small-scale wastewater treatment with low running costs.",
  field,
  sector,
  keywords: ["nước thải", "xử lý"],
  trl: 6,
  ipStatus: "PATENT",
  transferObjects: ["KNOW_HOW"],
  transferForms: ["STANDALONE"],
  transferMethods: ["DOCUMENTS", "TRAINING"],
  priceType: "RANGE",
  priceMin: 300000000,
  priceMax: 500000000,
  location: "HN",
  stateFunded: false,
  encouraged: true,
  organization,
  ...dates,
};

const demandItem = {
  id: "0e7d5a3f-2c41-4a57-8d0e-6b1f3c9e7a20",
  slug: "can-cong-nghe-xu-ly-nuoc-thai-che-bien-thuc-pham",
  url: "/demands/can-cong-nghe-xu-ly-nuoc-thai-che-bien-thuc-pham",
  titleVi: "Cần công nghệ xử lý nước thải chế biến thực phẩm",
  titleEn: "Seeking food-processing wastewater treatment",
  summaryVi: "Nhà máy cần đạt QCVN 40:2011/BTNMT.",
  summaryEn: null,
  field,
  sector,
  keywords: ["nước thải"],
  trlMin: 6,
  budgetMin: null,
  budgetMax: 800000000,
  deadline: "2026-09-30",
  location: "HN-DONGANH",
  preferredForms: ["STANDALONE"],
  confidential: true,
  encouraged: false,
  organization: null,
  ...dates,
};

const explanation = {
  sharedTerms: ["nuoc thai", "xu ly"],
  text: { similarity: 0.42 },
  sector: { verdict: "match", offerSector: "207", demandSector: "207" },
  trl: { verdict: "match", offerTrl: 6, demandMin: 6 },
  budget: { verdict: "match", price: [300000000, 500000000], budget: [null, 800000000] },
  location: { verdict: "match", offer: "HN", demand: "HN-DONGANH" },
  verified: true,
};

const sampleValue = (metric: (typeof PUBLIC_METRICS)[number]) => {
  const { unit, aggregation } = KPI_CATALOGUE[metric];
  if (unit === "vnd") return { unit, aggregation, value: "1250000000" };
  if (unit === "percent") return { unit, aggregation, value: 75, numerator: 3, denominator: 4 };
  return { unit, aggregation, value: 4 };
};
const metrics = Object.fromEntries(PUBLIC_METRICS.map((m) => [m, sampleValue(m)]));

export const EXAMPLES = {
  offerList: { items: [offerItem], total: 42, page: 1, pageSize: 1 },
  offerDetail: {
    ...offerItem,
    description: "Mô tả chi tiết công nghệ.",
    ipTitleNumber: "1-0012345",
    applicationAreas: "Khu dân cư, trường học.",
    advantages: "Chi phí vận hành thấp.",
    fundingProgramme: null,
    attachments: [],
  },
  demandList: { items: [demandItem], total: 17, page: 1, pageSize: 1 },
  demandDetail: { ...demandItem, description: "Doanh nghiệp cần giải pháp xử lý nước thải đạt QCVN.", attachments: [] },
  offerMatches: {
    items: [
      {
        score: 0.81,
        explanation,
        demand: {
          id: demandItem.id,
          slug: demandItem.slug,
          titleVi: demandItem.titleVi,
          titleEn: demandItem.titleEn,
          organization: null,
        },
      },
    ],
  },
  demandMatches: {
    items: [
      {
        score: 0.81,
        explanation,
        offer: {
          id: offerItem.id,
          slug: offerItem.slug,
          titleVi: offerItem.titleVi,
          titleEn: offerItem.titleEn,
          organization: { name: organization.name, nameEn: organization.nameEn, slug: organization.slug },
        },
      },
    ],
  },
  suggestions: {
    items: [
      { type: "offer", label: offerItem.titleVi, labelEn: offerItem.titleEn, href: offerItem.url },
      { type: "field", label: sector.nameVi, labelEn: sector.nameEn, href: "/technologies?sector=207" },
    ],
  },
  statistics: {
    period: {
      key: "2026-Q1",
      kind: "quarter",
      from: "2025-12-31T17:00:00.000Z",
      to: "2026-03-31T17:00:00.000Z",
      firstDay: "2026-01-01",
      lastDay: "2026-03-31",
    },
    asOf: "2026-03-31T17:00:00.000Z",
    metrics,
    funnel: FUNNEL_STAGES.map((metric, i) => ({ metric, count: 4, conversion: i === 0 ? null : 100 })),
    byField: [{ field, metrics }],
    byTrl: Array.from({ length: 9 }, (_, i) => ({ trl: i + 1, offers: i === 5 ? 4 : 0, demands: i === 5 ? 4 : 0 })),
  },
  openDataIndex: {
    licence: {
      id: "CC-BY-4.0",
      name: "Creative Commons Attribution 4.0 International",
      url: "https://creativecommons.org/licenses/by/4.0/",
      proposed: true,
    },
    datasets: [
      {
        id: "offers",
        maxAgeSeconds: 60,
        files: [
          { format: "csv", url: "/api/v1/open-data/offers.csv" },
          { format: "json", url: "/api/v1/open-data/offers.json" },
        ],
      },
    ],
  },
  monthlyCsv:
    "period,firstDay,lastDay,asOf,offers_published,…\r\n2026-03,2026-03-01,2026-03-31,2026-03-31T17:00:00.000Z,42,…\r\n",
  monthlyJson: {
    dataset: "statistics-monthly",
    items: [{ period: { key: "2026-03" }, metrics: { offers_published: metrics.offers_published } }],
  },
  auditHeads: {
    items: [
      {
        publishedAt: "2026-03-31T17:00:00.000Z",
        seq: "10452",
        hash: "9f2c4e0b7a1d3c5e8f6a2b4d0c1e3f5a7b9d2c4e6f8a0b1c3d5e7f9a2b4c6d8e",
      },
    ],
    total: 1,
    page: 1,
    pageSize: 50,
  },
};
