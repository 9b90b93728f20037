/**
 * Search queries over published offers with graded judgments (3 = exactly what was asked, at title
 * level; 2 = clearly relevant; 1 = marginal; unlisted = 0). Judged by reading the listings, not by
 * running any engine; the distractors named in each rationale are deliberately graded 0.
 */
import type { Grade, SearchQuerySpec } from "./types";

const WASTEWATER: Record<string, Grade> = {
  "wt-household": 3,
  "wt-household-rural": 3,
  "wt-compact": 3,
  "wt-sbr": 3,
  "wt-seafood": 3,
  "wt-textile": 3,
  "wt-pig": 3,
  "wt-hospital": 3,
  "wt-daf": 2,
  "wt-grease": 1,
  "waste-sludge": 1,
  "energy-biogas": 1,
  "water-pond": 1,
};

const BUILDING_MATERIALS: Record<string, Grade> = {
  "build-brick": 3,
  "build-husk": 3,
  "build-block": 3,
  "build-aac": 2,
  "build-insul": 2,
  "build-admix": 2,
  "nano-silica-paint": 1,
  "nano-tio2": 1,
};

const SALT_RICE: Record<string, Grade> = { "agri-rice-salt": 3, "agri-rice-salt2": 3, "agri-rice-drought": 1 };
const TISSUE_CULTURE: Record<string, Grade> = { "agri-orchid": 3, "agri-ginseng": 3 };

export const SEARCH_QUERIES: SearchQuerySpec[] = [
  {
    q: "xử lý nước thải",
    class: "diacritics",
    judgments: WASTEWATER,
    rationale:
      "Headline query: 8 wastewater titles must beat air-treatment (khí thải, one even says 'nước thải' in its description) and clean-water distractors.",
  },
  {
    q: "xu ly nuoc thai",
    class: "no-diacritics",
    judgments: WASTEWATER,
    rationale: "Same need typed without diacritics, the way most phone users type; must rank like the accented query.",
  },
  {
    q: "XỬ LÝ NƯỚC THẢI",
    class: "upper-case",
    judgments: WASTEWATER,
    rationale: "Same need in capitals (copied from an official letter); case must not matter.",
  },
  {
    q: "xử lý khí thải",
    class: "distractor",
    judgments: { "air-boiler": 3, "air-voc": 3, "air-monitor": 2, "waste-medical": 1, "en-biomass-boiler": 1 },
    rationale:
      "Shares 'xử lý … thải' with the wastewater set; only 'khí' separates the two, so wastewater hits are noise here.",
  },
  {
    q: "nước sạch",
    class: "distractor",
    judgments: { "water-solar": 3, "water-school": 3, "water-arsenic": 2, "water-nanofilter": 2, "water-pond": 1 },
    rationale: "Drinking water; 'nước' is everywhere (nước thải, nước mắm) and 'tự làm sạch' glass must not count.",
  },
  {
    q: "vật liệu nano",
    class: "distractor",
    judgments: {
      "nano-silver": 3,
      "nano-graphene": 3,
      "nano-tio2": 2,
      "nano-chitosan": 2,
      "nano-silica-paint": 2,
      "nano-fertilizer": 2,
      "water-nanofilter": 2,
      "nano-curcumin": 1,
      "mat-bone": 1,
    },
    rationale: "Nanomaterials; 'vật liệu xây dựng' titles share 'vật liệu' and must lose to anything nano.",
  },
  {
    q: "vật liệu xây dựng",
    class: "distractor",
    judgments: BUILDING_MATERIALS,
    rationale:
      "Building materials; nanomaterial titles share 'vật liệu' and should only appear when they are for buildings.",
  },
  {
    q: "vat lieu xay dung",
    class: "no-diacritics",
    judgments: BUILDING_MATERIALS,
    rationale: "Unaccented 'vật liệu xây dựng'; 'xay' must not drift to other words once folded.",
  },
  {
    q: "graphine",
    class: "typo",
    judgments: { "nano-graphene": 3 },
    rationale: "One-letter substitution (e→i) in a single-word technical query.",
  },
  {
    q: "biodisel",
    class: "typo",
    judgments: { "en-biodiesel": 3 },
    rationale: "One-letter deletion in a loanword that appears in one title.",
  },
  {
    q: "nhận dạng biểm số",
    class: "typo",
    judgments: { "it-plate": 3, "it-parking": 2 },
    rationale: "One-letter typo (n→m) inside a Vietnamese phrase; OCR/speech listings share only 'nhận dạng'.",
  },
  {
    q: "ủ phân compst",
    class: "typo",
    judgments: { "waste-compost": 3 },
    rationale: "One-letter deletion in the distinctive word of a three-word query.",
  },
  {
    q: "blockch",
    class: "prefix",
    judgments: { "it-trace": 3 },
    rationale: "User still typing 'blockchain'.",
  },
  {
    q: "thủy can",
    class: "prefix",
    judgments: { "agri-hydroponic": 3 },
    rationale: "Partial last word of 'thủy canh'; 'thủy sản'/'thủy sinh' share the first word only.",
  },
  {
    q: "chitos",
    class: "prefix",
    judgments: { "nano-chitosan": 3 },
    rationale: "Prefix of a material name.",
  },
  {
    q: "wastewater treatment",
    class: "english",
    judgments: {
      "wt-household": 3,
      "wt-household-rural": 3,
      "wt-compact": 3,
      "wt-sbr": 3,
      "wt-seafood": 3,
      "wt-textile": 3,
      "wt-hospital": 3,
      "wt-pig": 2,
      "wt-daf": 2,
    },
    rationale: "English titles of the wastewater offers; the air scrubber ('flue gas') must not appear.",
  },
  {
    q: "solar inverter",
    class: "english",
    judgments: { "en-inverter": 3, "en-battery": 1 },
    rationale: "English product name; 'solar' alone also matches the purifier and the dryer.",
  },
  {
    q: "licence plate recognition",
    class: "english",
    judgments: { "it-plate": 3, "it-parking": 2 },
    rationale: "English title words; 'recognition' alone also matches handwriting and speech.",
  },
  {
    q: "biodegradable plastic",
    class: "english",
    judgments: { "mat-bioplastic": 3 },
    rationale: "English title of the only bioplastic offer.",
  },
  {
    q: "giống lúa chịu mặn",
    class: "phrase",
    judgments: SALT_RICE,
    rationale: "Salt-tolerant rice; drought-tolerant rice is marginal, the salinity-intrusion model is not a variety.",
  },
  {
    q: "giong lua chiu man",
    class: "no-diacritics",
    judgments: SALT_RICE,
    rationale: "Unaccented; folding makes 'mặn' = 'man', which must not pull in unrelated words.",
  },
  {
    q: "nuôi tôm tuần hoàn",
    class: "phrase",
    judgments: { "aqua-ras-shrimp": 3, "aqua-biofloc": 1 },
    rationale: "Recirculating shrimp farming specifically; biofloc is another low-water method.",
  },
  {
    q: "bảo quản sau thu hoạch",
    class: "phrase",
    judgments: { "food-coldchain": 3, "nano-chitosan": 3, "food-freeze-dry": 1 },
    rationale: "Post-harvest preservation; both listings carry the exact keyword, drying is processing.",
  },
  {
    q: "dịch tả lợn châu Phi",
    class: "phrase",
    judgments: { "agri-asf": 3 },
    rationale: "Five-word disease name that must be matched as a whole.",
  },
  {
    q: "cảnh báo sớm",
    class: "phrase",
    judgments: { "geo-landslide": 3, "it-fire": 2, "med-heart": 1 },
    rationale: "Early-warning systems; the forest-fire camera detects early and alerts.",
  },
  {
    q: "điện mặt trời",
    class: "phrase",
    judgments: { "en-inverter": 3, "en-battery": 2, "water-solar": 1, "food-solar-dryer": 1 },
    rationale: "Solar power; 'năng lượng mặt trời' devices are marginal.",
  },
  {
    q: "tách dầu mỡ",
    class: "phrase",
    judgments: { "wt-grease": 3, "wt-daf": 3, "wt-seafood": 1 },
    rationale: "Grease separation in two titles and one description.",
  },
  {
    q: "thanh long",
    class: "phrase",
    judgments: { "food-freeze-dry": 3, "food-coldchain": 2, "nano-chitosan": 2 },
    rationale: "A fruit named in one title and two summaries.",
  },
  {
    q: "hydroxyapatit",
    class: "rare-term",
    judgments: { "mat-bone": 2 },
    rationale: "Rare term present only in one description: must still be found.",
  },
  {
    q: "Lactobacillus plantarum",
    class: "rare-term",
    judgments: { "food-yogurt": 2 },
    rationale: "Strain name present only in one description.",
  },
  {
    q: "LoRaWAN",
    class: "rare-term",
    judgments: { "en-meter": 3 },
    rationale: "Mixed-case protocol name in one title.",
  },
  {
    q: "NUÔI CẤY MÔ",
    class: "upper-case",
    judgments: TISSUE_CULTURE,
    rationale: "Upper-case tissue-culture query; two titles carry the phrase.",
  },
  {
    q: "nuoi cay mo",
    class: "no-diacritics",
    judgments: TISSUE_CULTURE,
    rationale: "Short unaccented words ('mo', 'cay') that are prefixes of many folded words.",
  },
  {
    q: "máy thở",
    class: "diacritics",
    judgments: { "med-ventilator": 3 },
    rationale: "Two very common folded words ('may', 'tho') that only together mean ventilator.",
  },
  {
    q: "chatbot",
    class: "english",
    judgments: { "it-chatbot": 3 },
    rationale: "Loanword used as-is in Vietnamese titles.",
  },
];
