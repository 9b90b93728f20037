/**
 * The benchmark's fixed query mix, drawn deterministically from pools of what users actually type:
 * common phrases, rare words, text without diacritics, one-letter typos, half-typed words, English,
 * questions typed as sentences and everyday or trade synonyms (the relaxed path of issue #14, over a
 * fifth of the mix), and catalog filters. Every category is timed separately so a slow path cannot hide in the average.
 */
import { pick, sample, stream, type Rng } from "./prng";

export type Category =
  "common" | "rare" | "no-diacritics" | "typo" | "prefix" | "english" | "question" | "synonym" | "filtered";
export type Kind = "offers" | "demands";

export interface BenchQuery {
  category: Category;
  kind: Kind;
  q: string;
  filters: Record<string, unknown>;
}

const POOLS: Record<Exclude<Category, "filtered">, string[]> = {
  common: [
    "nước thải",
    "công nghệ",
    "sinh học",
    "xử lý nước thải",
    "chế phẩm vi sinh",
    "phần mềm quản lý",
    "vật liệu nano",
    "bảo quản sau thu hoạch",
    "lên men",
    "IoT",
    "dược liệu",
    "năng lượng tái tạo",
    "thiết bị y tế",
    "chế biến nông sản",
    "tự động hóa",
    "khí thải",
    "tái chế chất thải",
  ],
  rare: [
    "perovskite",
    "hydroxyapatite",
    "Trichoderma reesei",
    "astaxanthin",
    "fucoidan",
    "nattokinase",
    "biochar",
    "đông trùng hạ thảo",
    "bèo hoa dâu",
    "máy gia tốc hạt",
  ],
  "no-diacritics": [
    "xu ly nuoc thai",
    "cong nghe sinh hoc",
    "vat lieu nano",
    "che pham vi sinh",
    "bao quan sau thu hoach",
    "nuoc mam",
    "duoc lieu",
    "may say nong san",
    "pin lithium",
    "phan bon huu co",
    "bun thai",
    "dien mat troi",
  ],
  typo: [
    "xử lý nươc thai",
    "vật liêu nano",
    "chế phẩm vi sinh vât",
    "công nghê sinh học",
    "bảo quan sau thu hoạch",
    "phần mềm quản lí",
    "xu ly nuoc thia",
    "dươc liệu",
    "cảm biên",
    "lên mem",
    "năng lương tái tạo",
    "thiet bi y te",
  ],
  prefix: [
    "nuoc th",
    "xử lý n",
    "công ngh",
    "vi si",
    "sinh h",
    "bảo qu",
    "chế ph",
    "vật li",
    "năng lượ",
    "thiết b",
    "phan bo",
  ],
  english: [
    "wastewater",
    "wastewater treatment",
    "fermentation",
    "IoT system",
    "nanomaterial",
    "freeze drying",
    "biofuel",
    "deep learning",
    "solar power",
    "probiotics",
    "medical device",
  ],
  question: [
    "có công nghệ nào xử lý mùi hôi từ bãi rác không",
    "làm thế nào để giảm điện năng cho lò sấy",
    "tôi cần tìm giải pháp xử lý nước thải cho trang trại lợn",
    "có phần mềm nào quản lý kho cho doanh nghiệp nhỏ không",
    "lam sao de bao quan trai cay duoc lau",
    "cần công nghệ sản xuất phân bón hữu cơ từ rơm rạ",
    "muốn tìm thiết bị đo chất lượng không khí giá rẻ",
    "có cách nào tái chế nhựa thải thành vật liệu xây dựng không",
    "giúp tôi tìm chế phẩm vi sinh cho ao nuôi tôm",
    "công nghệ gì giúp tiết kiệm nước tưới cho cây ăn quả",
    "xin hỏi có dây chuyền chiết xuất tinh dầu nào không",
    "làm thế nào để số hóa hồ sơ giấy",
  ],
  synonym: [
    "trâu bò",
    "nước uống",
    "ứng dụng di động quản lý",
    "máy móc nông nghiệp",
    "xe điện",
    "NLMT",
    "XLNT",
    "heo",
    "trái cây sấy",
    "điện mặt trời áp mái",
    "thức ăn gia súc",
  ],
};

const COUNTS: Record<Category, number> = {
  common: 12,
  rare: 6,
  "no-diacritics": 10,
  typo: 10,
  prefix: 8,
  english: 8,
  question: 10,
  synonym: 8,
  filtered: 14,
};

/** Filter combinations; `only` marks keys that exist for one kind of listing only. */
const FILTERS: { filters: Record<string, unknown>; only?: Kind }[] = [
  { filters: { sector: "207" } },
  { filters: { sector: "2" } },
  { filters: { trlMin: 4, trlMax: 7 } },
  { filters: { verified: true } },
  { filters: { location: "HN" } },
  { filters: { location: "HN-CAUGIAY" } },
  { filters: { sector: "209", trlMin: 5 } },
  { filters: { verified: true, location: "HN", sector: "4" } },
  { filters: { form: "STANDALONE" } },
  { filters: { orgType: "UNIVERSITY" } },
  { filters: { ip: "PATENT", trlMin: 6 }, only: "offers" },
  { filters: { priceMax: 500_000_000 }, only: "offers" },
  { filters: { budgetMin: 100_000_000 }, only: "demands" },
];

const kindOf = (rng: Rng): Kind => (rng() < 0.5 ? "offers" : "demands");

export function buildQueryMix(seed: number): BenchQuery[] {
  const rng = stream(seed, "queries");
  const mix: BenchQuery[] = [];
  for (const [category, pool] of Object.entries(POOLS) as [Exclude<Category, "filtered">, string[]][]) {
    for (const q of sample(rng, pool, COUNTS[category])) mix.push({ category, kind: kindOf(rng), q, filters: {} });
  }
  // Filtered searches mostly carry a query; two are plain catalog browsing (empty q) with filters.
  const textPool = [...POOLS.common, ...POOLS["no-diacritics"]];
  for (let i = 0; i < COUNTS.filtered; i++) {
    const { filters, only } = pick(rng, FILTERS);
    mix.push({ category: "filtered", kind: only ?? kindOf(rng), q: i < 2 ? "" : pick(rng, textPool), filters });
  }
  return mix;
}

const SUGGEST_PHRASES = [
  "xử lý nước thải",
  "xu ly nuoc thai",
  "công nghệ sinh học",
  "chế phẩm vi sinh",
  "vật liệu nano",
  "bảo quản sau thu hoạch",
  "phần mềm quản lý",
  "nước mắm",
  "trường đại học",
  "viện công nghệ",
  "wastewater treatment",
  "kỹ thuật môi trường",
];

/** Prefixes of 2–12 characters, as typed into the search box one keystroke at a time. */
export function buildSuggestPrefixes(): string[] {
  const out = new Set<string>();
  for (const phrase of SUGGEST_PHRASES) {
    for (const length of [2, 4, 7, 12]) {
      const prefix = [...phrase].slice(0, length).join("").trimEnd();
      if ([...prefix].length >= 2) out.add(prefix);
    }
  }
  return [...out];
}
