/**
 * A valid offer as the offer form submits it (raw form values, before OfferInputSchema): tests that
 * need "an offer any provider could post" start from it and override only what they are about.
 * Its words match no screening list entry, seeded or demo, so screening never gets in the way.
 */
export function offerFormInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    titleVi: "Công nghệ lọc nước sạch quy mô xã",
    summaryVi: "Công nghệ lọc nước sạch cho trạm cấp nước nông thôn, chi phí vận hành thấp.",
    description:
      "Hệ thống lọc kết hợp keo tụ, lắng lamella và lọc màng, đạt QCVN 01-1:2018/BYT sau 6 tháng vận hành thử.",
    sectorCode: "207",
    keywords: "nước sạch, lọc",
    trl: "7",
    ipStatus: "KNOW_HOW",
    transferObjects: ["KNOW_HOW"],
    transferForms: ["STANDALONE"],
    transferMethods: ["DOCUMENTS"],
    priceType: "NEGOTIABLE",
    location: "HN-CAUGIAY",
    ...overrides,
  };
}
