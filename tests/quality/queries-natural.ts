/**
 * Search queries phrased the way people actually ask (issue #14): whole questions with filler words,
 * everyday, trade or regional words and abbreviations that the relevant listings do not use, and
 * English or mixed English/Vietnamese. Grades follow queries.ts (3 = exactly what was asked; 2 =
 * clearly relevant; 1 = marginal; unlisted = 0). Judged by reading the listings' titles, summaries,
 * descriptions and keywords, never by running an engine; each rationale names the distractors
 * deliberately left at 0. For "synonym" queries the rationale names the listing's own word, which the
 * query avoids (checked against every offer's text, with and without diacritics).
 */
import type { SearchQuerySpec } from "./types";

const QUESTIONS: SearchQuerySpec[] = [
  {
    q: "có công nghệ nào xử lý mùi hôi từ bãi rác không",
    class: "question",
    judgments: { "waste-compost": 2, "waste-manure": 1 },
    rationale:
      "No landfill listing: composting urban organic refuse treats the source of the smell, the manure press 'giảm mùi' on farms only; the VOC adsorber, flue-gas scrubber and medical incinerator are 0.",
  },
  {
    q: "làm thế nào để giảm điện năng cho lò sấy",
    class: "question",
    judgments: { "food-solar-dryer": 3 },
    rationale:
      "The solar heat-pump dryer saves 60% of its electricity; the freeze dryer and the pellet line's rotary dryer are dryers without savings, the LED street light saves power for lighting: all 0.",
  },
  {
    q: "ruộng bị nhiễm mặn thì nên trồng giống lúa gì",
    class: "question",
    judgments: { "agri-rice-salt": 3, "agri-rice-salt2": 3, "agri-rice-drought": 1 },
    rationale:
      "Salt-tolerant rice varieties, asked as a farmer's question; drought-tolerant rice is marginal, the salinity-intrusion forecast and the row seeder are 0.",
  },
  {
    q: "lam sao de nuoi tom it thay nuoc",
    class: "question",
    judgments: { "aqua-biofloc": 3, "aqua-ras-shrimp": 3, "water-iot": 1 },
    rationale:
      "Unaccented 'how do I farm shrimp with little water exchange': biofloc says so in its title, RAS reuses 95% of its water; the pond-water buoy is marginal; seaweed/oyster farming and the catfish vaccine are 0.",
  },
  {
    q: "tôi muốn sản xuất gạch không nung từ tro bay, có ai chuyển giao không",
    class: "question",
    judgments: { "build-brick": 3, "build-block": 2, "build-aac": 1, "build-husk": 1 },
    rationale:
      "Fly-ash unfired bricks; the steel-slag block is the same product from another waste, AAC and the husk-ash panel are marginal; the concrete admixture and nano coatings are 0.",
  },
  {
    q: "công nghệ gì giúp bảo quản trái cây xuất khẩu được lâu",
    class: "question",
    judgments: { "food-coldchain": 3, "nano-chitosan": 3, "food-freeze-dry": 1 },
    rationale:
      "Keeping fresh fruit for export: CA cold storage and the chitosan coating; freeze-drying turns fruit into another product (1); on-board tuna freezing is 0 despite 'bảo quản' and 'xuất khẩu'.",
  },
  {
    q: "có thiết bị nào theo dõi nhịp tim cho người già không",
    class: "question",
    judgments: { "med-heart": 3 },
    rationale:
      "The wrist heart-rhythm monitor; the ventilator ('thiết bị y tế') and the diabetes app (another condition) are 0.",
  },
  {
    q: "xa mien nui can he thong canh bao sat lo",
    class: "question",
    judgments: { "geo-landslide": 3 },
    rationale:
      "Unaccented 'a mountain commune needs a landslide warning system'; the forest-fire camera also warns and the heart monitor alerts, both 0.",
  },
  {
    q: "xin hỏi có phần mềm đọc chữ viết tay để số hóa hồ sơ cũ không",
    class: "question",
    judgments: { "it-ocr": 3, "heritage-3d": 1 },
    rationale:
      "Handwriting OCR for old records; 3D digitisation of artefacts is another kind of 'số hóa' (1); speech recognition and the chatbot are 0.",
  },
  {
    q: "lam the nao phat hien chay rung som",
    class: "question",
    judgments: { "it-fire": 3 },
    rationale:
      "Unaccented forest-fire early detection; the landslide early-warning system and the medical incinerator ('lò đốt') are 0.",
  },
  {
    q: "muốn lắp điện mặt trời cho nhà xưởng thì cần thiết bị gì",
    class: "question",
    judgments: { "en-inverter": 3, "en-battery": 2 },
    rationale:
      "Installing solar power at a factory: the grid-tied inverter, and storage for rooftop solar; the solar water purifier and dryer, and the welding robot ('nhà xưởng') are 0.",
  },
  {
    q: "có vắc xin nào phòng dịch tả heo châu Phi không",
    class: "question",
    judgments: { "agri-asf": 3 },
    rationale:
      "ASF vaccine asked with the southern word 'heo' (the listing says 'lợn'); the catfish vaccine, the H5N1 PCR kit and the tomato 'héo xanh' (folds to 'heo') are 0.",
  },
  {
    q: "tim cong nghe xu ly nuoc thai cho benh vien tuyen huyen",
    class: "question",
    judgments: { "wt-hospital": 3, "waste-medical": 1 },
    rationale:
      "Unaccented district-hospital wastewater; the medical incinerator treats another waste (1); the HIS software and the ventilator also name district hospitals and are 0.",
  },
  {
    q: "làm sao để truy xuất nguồn gốc rau quả cho cửa hàng của tôi",
    class: "question",
    judgments: { "it-trace": 3 },
    rationale:
      "Produce traceability for a shop (the platform integrates retail); the hydroponic vegetable rack and the fruit cold store are 0.",
  },
  {
    q: "chúng tôi cần phần mềm quản lý sản xuất cho xưởng cơ khí nhỏ, có không?",
    class: "question",
    judgments: { "it-mes": 3 },
    rationale:
      "MES for small machine shops; the mini CNC mill, the welding robot and the hospital management software are 0.",
  },
];

const SYNONYMS: SearchQuerySpec[] = [
  {
    q: "thức ăn cho gia súc",
    class: "synonym",
    judgments: { "agri-feed": 3 },
    rationale:
      "'gia súc' for the listing's 'chăn nuôi' (feed for fattening pigs); the chicken rations and biofloc's 'giảm 30% thức ăn' are 0.",
  },
  {
    q: "xử lý chất thải trại heo",
    class: "synonym",
    judgments: { "waste-manure": 3, "wt-pig": 3, "energy-biogas": 2, "waste-compost": 1 },
    rationale:
      "'trại heo' for 'trang trại / chăn nuôi lợn'; the ASF vaccine and the pig feed are 0, as are 'trái cây' listings that fold to 'trai'.",
  },
  {
    q: "nước giếng nhiễm thạch tín",
    class: "synonym",
    judgments: { "water-arsenic": 3, "water-solar": 1 },
    rationale:
      "Everyday 'thạch tín' for 'asen'; the solar purifier treats well water but not arsenic (1); the groundwater salinity model is 0.",
  },
  {
    q: "quản lý bệnh tiểu đường",
    class: "synonym",
    judgments: { "med-diabetes": 3 },
    rationale: "Everyday 'tiểu đường' for 'đái tháo đường'; hospital management software and the heart monitor are 0.",
  },
  {
    q: "thiết bị sấy hoa quả",
    class: "synonym",
    judgments: { "food-freeze-dry": 3, "food-solar-dryer": 2 },
    rationale:
      "Northern 'hoa quả' for 'trái cây', 'thiết bị' for 'máy'; the solar dryer dries bananas among other produce; the chitosan coating and the cold store keep fruit fresh instead (0).",
  },
  {
    q: "NLMT",
    class: "synonym",
    judgments: {
      "water-solar": 3,
      "food-solar-dryer": 3,
      "en-inverter": 3,
      "en-battery": 2,
      "water-iot": 1,
      "geo-landslide": 1,
    },
    rationale:
      "Abbreviation of 'năng lượng mặt trời': two titles say it, the inverter is solar power; the buoy and landslide station merely run on solar panels; the wind turbine and LED lights are 0.",
  },
  {
    q: "trạm XLNT khu dân cư",
    class: "synonym",
    judgments: { "wt-compact": 3, "wt-sbr": 3, "wt-household": 2, "wt-household-rural": 2 },
    rationale:
      "Abbreviation of 'xử lý nước thải' for residential areas; the industrial, hospital and piggery systems, the school water supply and the boiler scrubber are 0.",
  },
  {
    q: "cối xay gió phát điện",
    class: "synonym",
    judgments: { "en-wind": 3 },
    rationale: "Everyday 'windmill' for 'tuabin gió'; the solar inverter and the electricity meter are 0.",
  },
  {
    q: "thuốc BVTV sinh học trừ rầy",
    class: "synonym",
    judgments: { "agri-biopesticide": 3 },
    rationale:
      "Trade abbreviation of 'bảo vệ thực vật' for the listing's 'thuốc trừ sâu sinh học'; the nano fertiliser and the piggery 'chế phẩm vi sinh' are 0.",
  },
  {
    q: "máy cắt lúa",
    class: "synonym",
    judgments: { "mech-harvester": 3, "mech-seeder": 1 },
    rationale:
      "Farmers' 'máy cắt lúa' for 'máy gặt đập'; the rice seeder is other rice machinery (1); the AAC line's 'máy cắt' and rice varieties are 0.",
  },
  {
    q: "tự động hóa nhà lưới trồng rau",
    class: "synonym",
    judgments: { "en-greenhouse": 3, "agri-hydroponic": 2 },
    rationale:
      "'nhà lưới' for 'nhà kính'; the hydroponic rack automates watering; the tomato grafting in a 'nhà màng' and the welding robot ('tự động hóa') are 0.",
  },
  {
    q: "thuoc nam chua dau khop",
    class: "synonym",
    judgments: { "med-joint": 3, "nano-curcumin": 1 },
    rationale:
      "Unaccented 'thuốc nam' / 'đau khớp' for 'dược liệu' / 'thoái hóa khớp'; nano-curcumin is a herbal supplement not for joints (1); the bone graft and the ginseng tissue culture are 0.",
  },
  {
    q: "túi nilon tự hủy",
    class: "synonym",
    judgments: { "mat-bioplastic": 3 },
    rationale: "'nilon'/'tự hủy' for 'ni lông'/'phân hủy sinh học'; the chitosan film and the compost plant are 0.",
  },
  {
    q: "cải tạo bể phốt gia đình",
    class: "synonym",
    judgments: { "wt-household": 3, "wt-household-rural": 2 },
    rationale:
      "Northern 'bể phốt' for 'bể tự hoại' (improved in wt-household); the pond restoration ('cải tạo') and the grease trap are 0.",
  },
  {
    q: "chống dột mái nhà",
    class: "synonym",
    judgments: { "nano-silica-paint": 3 },
    rationale:
      "'chống dột' for 'chống thấm … sàn mái'; the roof insulation panel has 'mái nhà' in its title and is 0, as are 'đốt' listings that fold to 'dot'.",
  },
  {
    q: "chống nóng mái tôn",
    class: "synonym",
    judgments: { "build-insul": 3 },
    rationale:
      "'chống nóng' for 'cách nhiệt' (the panel cuts indoor heat); the waterproofing paint (roofs) and the self-cleaning glass are 0.",
  },
  {
    q: "kho mát bảo quản rau quả",
    class: "synonym",
    judgments: { "food-coldchain": 3, "nano-chitosan": 2 },
    rationale:
      "'kho mát'/'rau quả' for 'kho lạnh'/'nông sản'; the chitosan coating also preserves fruit; tuna freezing and freeze-dried fruit are 0.",
  },
  {
    q: "ứng dụng nhận diện biển số xe",
    class: "synonym",
    judgments: { "it-plate": 3, "it-parking": 2 },
    rationale: "'ứng dụng'/'nhận diện' for 'phần mềm'/'nhận dạng'; handwriting and speech recognition are 0.",
  },
];

const ENGLISH: SearchQuerySpec[] = [
  {
    q: "IoT nhà kính",
    class: "english",
    judgments: { "en-greenhouse": 3, "water-iot": 1, "agri-hydroponic": 1 },
    rationale:
      "Mixed English/Vietnamese; the IoT water buoy and the hydroponic rack are marginal; the self-cleaning glass ('kính') is 0.",
  },
  {
    q: "solar dryer",
    class: "english",
    judgments: { "food-solar-dryer": 3, "food-freeze-dry": 1 },
    rationale:
      "English product name; the freeze dryer is a dryer but not solar (1); the solar purifier and inverter and the pellet line's dryer are 0.",
  },
  {
    q: "hospital wastewater",
    class: "english",
    judgments: {
      "wt-hospital": 3,
      "waste-medical": 1,
      "wt-compact": 1,
      "wt-sbr": 1,
      "wt-household": 1,
      "wt-household-rural": 1,
    },
    rationale:
      "Hospital effluent; the medical incinerator and domestic wastewater systems are marginal; the industrial wastewater systems and the hospital information system are 0.",
  },
  {
    q: "rapid test sốt xuất huyết",
    class: "english",
    judgments: { "med-dengue": 3, "med-dengue-igm": 3, "med-pcr": 1 },
    rationale: "Mixed: English 'rapid test' with the Vietnamese disease name; the flu PCR kit is marginal.",
  },
  {
    q: "AI camera giao thông",
    class: "english",
    judgments: { "it-traffic": 3, "it-plate": 2, "it-parking": 1 },
    rationale: "Traffic cameras with AI; the forest-fire 'Camera AI' (title match) and the X-ray AI are 0.",
  },
  {
    q: "water filter for households",
    class: "english",
    judgments: { "water-nanofilter": 3, "water-solar": 2, "water-arsenic": 2 },
    rationale:
      "Household drinking-water filters; the household wastewater systems share 'households' and 'lọc' and are 0.",
  },
  {
    q: "vaccine cho cá tra",
    class: "english",
    judgments: { "aqua-fish-vaccine": 3 },
    rationale:
      "Mixed: English 'vaccine' for 'vắc xin'; the ASF vaccine, catfish-fat biodiesel and seafood wastewater are 0.",
  },
  {
    q: "3D printing kim loại",
    class: "english",
    judgments: { "mech-3dprint": 3 },
    rationale: "Mixed; the 3D digitisation of heritage shares '3D' and is 0.",
  },
  {
    q: "AI credit scoring",
    class: "english",
    judgments: { "it-credit": 3 },
    rationale: "English title words; the other AI listings (plate, X-ray, speech) are 0.",
  },
];

export const NATURAL_QUERIES: SearchQuerySpec[] = [...QUESTIONS, ...SYNONYMS, ...ENGLISH];
