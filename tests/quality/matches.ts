/**
 * Matching judgments: for each labelled demand, the offers a technology broker would put in front of
 * the business — same problem, TRL ≥ the demand's minimum, a price that fits the budget. Topical
 * offers that fail one of those are deliberately present and deliberately NOT listed (named in the
 * rationale), so a matcher that only looks at words is penalised.
 */
import type { MatchJudgment } from "./types";

export const MATCH_JUDGMENTS: MatchJudgment[] = [
  {
    demand: "d-domestic-ww",
    relevant: ["wt-household", "wt-compact", "wt-sbr"],
    rationale:
      "Domestic wastewater at TRL ≥ 6 within 0.3–1 bn; wt-household-rural is TRL 5, wt-hospital is medical wastewater.",
  },
  {
    demand: "d-seafood-ww",
    relevant: ["wt-seafood", "wt-daf"],
    rationale: "Fatty, protein-rich industrial wastewater; the domestic-wastewater plants are a different problem.",
  },
  {
    demand: "d-piggery",
    relevant: ["wt-pig", "energy-biogas", "waste-manure"],
    rationale:
      "Manure separation, biogas and post-biogas treatment are the three steps the farm asks for, all cheap enough.",
  },
  {
    demand: "d-boiler-air",
    relevant: ["air-boiler", "air-monitor"],
    rationale:
      "Boiler flue-gas scrubbing plus continuous stack monitoring; air-voc is paint-shop solvent, en-biomass-boiler sells a boiler.",
  },
  {
    demand: "d-clean-water",
    relevant: ["water-solar", "water-school", "water-arsenic", "water-nanofilter"],
    rationale:
      "Small off-grid drinking-water units incl. arsenic removal; water-pond restores lakes, water-iot only measures.",
  },
  {
    demand: "d-unfired-brick",
    relevant: ["build-brick", "build-block"],
    rationale:
      "Commercial unfired bricks from industrial waste; build-husk is TRL 5 and build-aac costs 2–5 bn (over budget).",
  },
  {
    demand: "d-fruit-preserve",
    relevant: ["nano-chitosan", "food-coldchain"],
    rationale: "Keeping fresh fruit longer; freeze-drying and drying turn it into another product.",
  },
  {
    demand: "d-shrimp",
    relevant: ["aqua-ras-shrimp", "aqua-biofloc"],
    rationale: "Low-water-exchange intensive shrimp farming: RAS and biofloc.",
  },
  {
    demand: "d-plate",
    relevant: ["it-plate", "it-parking"],
    rationale: "Plate recognition for car parks; OCR and speech recognition share only the word 'nhận dạng'.",
  },
  {
    demand: "d-salt-rice",
    relevant: ["agri-rice-salt", "agri-rice-salt2"],
    rationale:
      "Salt-tolerant rice varieties; the drought-tolerant one and the salinity-forecast model are different answers.",
  },
  {
    demand: "d-solar",
    relevant: ["en-inverter", "en-battery"],
    rationale:
      "Grid-tied inverter and battery storage for rooftop solar; the solar dryer and solar water purifier only share words.",
  },
  {
    demand: "d-dengue",
    relevant: ["med-dengue", "med-dengue-igm"],
    rationale:
      "Dengue rapid tests (antigen and antibody); the RT-PCR influenza kit needs a lab and is another disease.",
  },
];
