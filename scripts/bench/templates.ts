/**
 * Sentence templates that turn a sector's vocabulary into listing text. Each listing draws a small
 * "scene" (main topic, a second topic, a method, two contexts) and every field reuses it, so a title,
 * its keywords and its description agree the way real listings do — which is what ranking relies on.
 */
import { chance, int, pick, sample, type Rng } from "./prng";
import { GENERIC, RARE_TERMS, SECTOR_VOCABULARY, type SectorVocabulary, type Term } from "./vocabulary";

export interface Scene {
  topic: Term;
  topic2: Term;
  method: Term;
  context: Term;
  context2: Term;
  scale: string;
  n: number;
}

const SCALES = [
  "thí điểm",
  "hộ gia đình",
  "công nghiệp",
  "10–50 m³/ngày",
  "100 kg/giờ",
  "500 tấn/năm",
  "cấp xã",
  "vừa và nhỏ",
];
const LEVELS = ["cấp thành phố", "cấp bộ", "cấp quốc gia", "cấp cơ sở", "hợp tác quốc tế"];
const cap = (s: string) => s.charAt(0).toLocaleUpperCase("vi") + s.slice(1);

/** The vocabulary of a sector: its own terms mixed with the generic ones, or the generic ones alone. */
export function vocabularyFor(sectorCode: string, sectorName: string): SectorVocabulary {
  const own = SECTOR_VOCABULARY[sectorCode];
  if (own) return own;
  const field: Term = { vi: `lĩnh vực ${sectorName.toLocaleLowerCase("vi")}`, en: "this field" };
  return { ...GENERIC, contexts: [...GENERIC.contexts, field] };
}

export function drawScene(rng: Rng, vocabulary: SectorVocabulary): Scene {
  const [topic, topic2] = sample(rng, vocabulary.topics, 2);
  const [context, context2] = sample(rng, vocabulary.contexts, 2);
  return {
    topic: topic!,
    topic2: topic2 ?? topic!,
    method: pick(rng, vocabulary.methods),
    context: context!,
    context2: context2 ?? context!,
    scale: pick(rng, SCALES),
    n: int(rng, 15, 60),
  };
}

type Template = (s: Scene) => string;

const OFFER_TITLES: Template[] = [
  (s) => `Công nghệ ${s.topic.vi} bằng ${s.method.vi} cho ${s.context.vi}`,
  (s) => `Quy trình ${s.topic.vi} ứng dụng ${s.method.vi}`,
  (s) => `Hệ thống ${s.topic.vi} kết hợp ${s.method.vi} quy mô ${s.scale}`,
  (s) => `Giải pháp ${s.topic.vi} cho ${s.context.vi}`,
  (s) => `${cap(s.topic.vi)} ứng dụng ${s.method.vi} tại ${s.context.vi}`,
  (s) => `Thiết bị và công nghệ ${s.topic.vi} tích hợp ${s.topic2.vi}`,
];
const DEMAND_TITLES: Template[] = [
  (s) => `Cần công nghệ ${s.topic.vi} cho ${s.context.vi}`,
  (s) => `Tìm giải pháp ${s.topic.vi} phù hợp với ${s.context.vi}`,
  (s) => `Nhu cầu chuyển giao ${s.topic.vi} ứng dụng ${s.method.vi}`,
  (s) => `Đặt hàng công nghệ ${s.topic.vi} quy mô ${s.scale}`,
  (s) => `Tìm đối tác chuyển giao công nghệ ${s.topic.vi} và ${s.topic2.vi}`,
];
const EN_TITLES: Template[] = [
  (s) => `${cap(s.topic.en)} technology using ${s.method.en} for ${s.context.en}`,
  (s) => `${cap(s.topic.en)} process based on ${s.method.en}`,
  (s) => `${cap(s.topic.en)} system with ${s.method.en}`,
];
const OFFER_SUMMARIES: Template[] = [
  (s) => `${cap(s.topic.vi)} sử dụng ${s.method.vi}, phù hợp với ${s.context.vi}.`,
  (s) => `Giải pháp giúp giảm ${s.n}% chi phí vận hành và nâng cao hiệu quả ${s.topic.vi}.`,
  (s) => `Công nghệ đã được thử nghiệm thành công tại ${s.context.vi} với kết quả ổn định.`,
];
const DEMAND_SUMMARIES: Template[] = [
  (s) => `Doanh nghiệp cần ${s.topic.vi} cho ${s.context.vi}, ưu tiên giải pháp dùng ${s.method.vi}.`,
  (s) => `Mục tiêu giảm ${s.n}% chi phí và đáp ứng yêu cầu kỹ thuật của ${s.context.vi}.`,
  (s) => `Cần đối tác có năng lực triển khai ${s.topic.vi} quy mô ${s.scale}.`,
];
const OFFER_SENTENCES: Template[] = [
  (s) =>
    `Công nghệ ${s.topic.vi} được phát triển từ đề tài nghiên cứu ${LEVELS[s.n % LEVELS.length]} và đã được ứng dụng thử nghiệm tại ${s.context.vi}.`,
  (s) => `Giải pháp sử dụng ${s.method.vi} giúp giảm ${s.n}% chi phí so với công nghệ nhập khẩu.`,
  (s) => `Hiệu suất đạt ${40 + s.n}% trong điều kiện vận hành thực tế, ổn định qua ${(s.n % 18) + 6} tháng theo dõi.`,
  () => `Hệ thống dễ vận hành, chi phí bảo trì thấp và phù hợp với điều kiện khí hậu Việt Nam.`,
  (s) =>
    `Bên chuyển giao cung cấp tài liệu kỹ thuật, đào tạo vận hành và hỗ trợ kỹ thuật trong ${(s.n % 12) + 6} tháng.`,
  () => `Kết quả đã được công bố trên tạp chí chuyên ngành và được hội đồng khoa học đánh giá cao.`,
  (s) => `Có thể mở rộng cho ${s.context2.vi} với vốn đầu tư ban đầu thấp.`,
  (s) => `Nhóm nghiên cứu kết hợp ${s.topic2.vi} để nâng cao chất lượng sản phẩm đầu ra.`,
];
const DEMAND_SENTENCES: Template[] = [
  (s) => `Doanh nghiệp đang gặp khó khăn về ${s.topic.vi} tại ${s.context.vi}.`,
  () => `Giải pháp hiện tại tiêu tốn nhiều năng lượng và chưa đáp ứng quy chuẩn kỹ thuật.`,
  (s) => `Cần chuyển giao công nghệ có thể áp dụng ở quy mô ${s.scale} trong vòng ${(s.n % 12) + 3} tháng.`,
  (s) => `Ưu tiên bên chuyển giao có kinh nghiệm triển khai ${s.method.vi} và hỗ trợ đào tạo nhân lực.`,
  () => `Doanh nghiệp sẵn sàng hợp tác thử nghiệm tại cơ sở sản xuất và cùng đầu tư hoàn thiện.`,
  () => `Yêu cầu công nghệ có tài liệu kỹ thuật đầy đủ, chi phí đầu tư hợp lý.`,
  (s) => `Có thể kết hợp ${s.topic2.vi} để tối ưu toàn bộ dây chuyền tại ${s.context2.vi}.`,
];

const nfc = (s: string) => s.normalize("NFC");

export interface ListingText {
  titleVi: string;
  titleEn: string | null;
  summaryVi: string;
  summaryEn: string | null;
  description: string;
  keywords: string[];
}

/** Title, summary, description (3–6 sentences) and 3–6 keywords for one listing. */
export function listingText(
  rng: Rng,
  kind: "offer" | "demand",
  scene: Scene,
  vocabulary: SectorVocabulary,
): ListingText {
  const offer = kind === "offer";
  const english = chance(rng, 0.3);
  const titleEn = english ? pick(rng, EN_TITLES)(scene) : null;
  // A few providers write the title itself in English (start-ups, foreign-trained researchers).
  const titleVi = english && chance(rng, 0.1) ? titleEn! : pick(rng, offer ? OFFER_TITLES : DEMAND_TITLES)(scene);
  const summaries = sample(rng, offer ? OFFER_SUMMARIES : DEMAND_SUMMARIES, int(rng, 1, 2));
  const sentences = sample(rng, offer ? OFFER_SENTENCES : DEMAND_SENTENCES, int(rng, 3, 6)).map((t) => t(scene));
  if (chance(rng, 0.004))
    sentences.push(`Nghiên cứu bổ sung ${pick(rng, RARE_TERMS)} nhằm cải thiện đặc tính sản phẩm.`);
  const extra = sample(rng, vocabulary.topics, 3).map((t) => t.vi);
  const pool = [...new Set([scene.topic.vi, scene.method.vi, scene.topic2.vi, scene.context.vi, ...extra])];
  return {
    titleVi: nfc(titleVi).slice(0, 200),
    titleEn,
    summaryVi: nfc(summaries.map((t) => t(scene)).join(" ")),
    summaryEn: english ? `${cap(scene.topic.en)} using ${scene.method.en} for ${scene.context.en}.` : null,
    description: nfc(sentences.join(chance(rng, 0.5) ? " " : "\n\n")),
    keywords: pool.slice(0, int(rng, 3, Math.min(6, pool.length))).map(nfc),
  };
}

export const APPLICATION_AREAS = (s: Scene) => nfc(`Ứng dụng cho ${s.context.vi} và ${s.context2.vi}.`);
export const ADVANTAGES = (s: Scene) =>
  nfc(`Chi phí thấp hơn ${s.n}% so với giải pháp nhập khẩu; vận hành đơn giản; phù hợp quy mô ${s.scale}.`);
