import type { TransferForm, TransferMethod, TransferObject } from "@/lib/generated/prisma/enums";
import {
  ART23_ITEMS,
  type Art23Key,
  type ContractContent,
  type ContractField,
  type DISPUTE_BODIES,
  type EFFECTIVE_ON,
  type Milestone,
  type SCOPES,
} from "./contract";
import type { DealSide } from "./parties";

/**
 * The confirmed contract as a neutral layout model: what the DOCX (./contract-docx.ts) and the PDF
 * (./contract-pdf.ts) writers — and a print page — lay out, so that all of them say the same words
 * in the same order. Vietnamese is the legal text; English is a courtesy rendering with the same
 * structure. The labels live here rather than in the message catalogues because the text of a
 * contract is part of the document, not of the interface: a wording change here changes every
 * contract generated afterwards, and must be deliberate.
 *
 * A draft renders too: a missing item shows as "(chưa thỏa thuận)" and nothing here throws.
 * Pure and client-safe.
 */

export type DocumentLocale = "vi" | "en";

/** A label in both languages of the exchange. */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

// --- Label tables. Typed by enum, so that a value without a label fails to compile. ---

export const TRANSFER_OBJECT_LABELS: Record<TransferObject, Label> = {
  KNOW_HOW: { vi: "Bí quyết kỹ thuật, bí quyết công nghệ", en: "Technical or technological know-how" },
  DOCUMENTS_SOFTWARE_DATA: {
    vi: "Phương án, quy trình, bản vẽ, công thức, phần mềm, dữ liệu",
    en: "Plans, processes, drawings, formulas, software, data",
  },
  RATIONALISATION: {
    vi: "Giải pháp hợp lý hóa sản xuất, đổi mới công nghệ",
    en: "Production rationalisation or technology renewal solutions",
  },
  MACHINERY_WITH_TECHNOLOGY: {
    vi: "Máy móc, thiết bị đi kèm các đối tượng trên",
    en: "Machinery and equipment with any of the above",
  },
};

export const TRANSFER_FORM_LABELS: Record<TransferForm, Label> = {
  STANDALONE: { vi: "Chuyển giao công nghệ độc lập", en: "Stand-alone technology transfer" },
  INVESTMENT_PROJECT: { vi: "Phần chuyển giao công nghệ trong dự án đầu tư", en: "As part of an investment project" },
  CAPITAL_CONTRIBUTION: { vi: "Góp vốn bằng công nghệ", en: "Capital contribution in technology" },
  FRANCHISE: { vi: "Chuyển giao công nghệ trong nhượng quyền thương mại", en: "Transfer within a franchise" },
  IP_RIGHT_TRANSFER: {
    vi: "Chuyển giao công nghệ trong chuyển giao quyền sở hữu trí tuệ",
    en: "Transfer with a transfer of intellectual property rights",
  },
  MACHINERY_SALE: {
    vi: "Chuyển giao công nghệ thông qua mua, bán máy móc, thiết bị",
    en: "Transfer through the sale of machinery and equipment",
  },
};

export const TRANSFER_METHOD_LABELS: Record<TransferMethod, Label> = {
  DOCUMENTS: { vi: "Chuyển giao tài liệu về công nghệ", en: "Delivery of technology documents" },
  TRAINING: { vi: "Đào tạo cho bên nhận công nghệ", en: "Training of the transferee" },
  EXPERT_ASSISTANCE: {
    vi: "Cử chuyên gia tư vấn kỹ thuật cho bên nhận công nghệ",
    en: "Sending experts to advise the transferee",
  },
  MACHINERY_PLUS: {
    vi: "Chuyển giao máy móc, thiết bị kèm theo các phương thức trên",
    en: "Delivery of machinery together with the above methods",
  },
  OTHER: { vi: "Phương thức chuyển giao khác", en: "Another method of transfer" },
};

export const SCOPE_LABELS: Record<(typeof SCOPES)[number], Label> = {
  OWNERSHIP: { vi: "Chuyển nhượng quyền sở hữu công nghệ", en: "Transfer of ownership of the technology" },
  RIGHT_OF_USE: { vi: "Chuyển giao quyền sử dụng công nghệ", en: "Transfer of the right to use the technology" },
};

export const EFFECTIVE_ON_LABELS: Record<(typeof EFFECTIVE_ON)[number], Label> = {
  SIGNING: { vi: "Kể từ ngày các bên ký hợp đồng", en: "From the date both parties sign the contract" },
  DATE: { vi: "Kể từ ngày các bên thỏa thuận dưới đây", en: "From the date agreed below" },
  REGISTRATION: {
    vi: "Kể từ ngày được cấp Giấy chứng nhận đăng ký chuyển giao công nghệ",
    en: "From the date the technology transfer registration certificate is issued",
  },
};

export const DISPUTE_BODY_LABELS: Record<(typeof DISPUTE_BODIES)[number], Label> = {
  COURT: { vi: "Tòa án", en: "Court" },
  ARBITRATION: { vi: "Trọng tài thương mại", en: "Commercial arbitration" },
};

export const SIDE_LABELS: Record<DealSide, Label> = {
  provider: { vi: "Bên giao", en: "Transferor" },
  seeker: { vi: "Bên nhận", en: "Transferee" },
};

/** The articles' headings: the 14 contents of Law 07/2017 Art. 23, in the law's words. */
export const ARTICLE_TITLES: Record<Art23Key, Label> = {
  technology_name: { vi: "Tên công nghệ được chuyển giao", en: "Name of the transferred technology" },
  object: {
    vi: "Đối tượng công nghệ được chuyển giao, sản phẩm do công nghệ tạo ra, tiêu chuẩn, chất lượng sản phẩm",
    en: "Object of transfer, products made with the technology, their standards and quality",
  },
  scope: {
    vi: "Chuyển nhượng quyền sở hữu, chuyển giao quyền sử dụng công nghệ",
    en: "Transfer of ownership or of the right to use the technology",
  },
  method: { vi: "Phương thức chuyển giao công nghệ", en: "Method of technology transfer" },
  rights_obligations: { vi: "Quyền và nghĩa vụ của các bên", en: "Rights and obligations of the parties" },
  price_payment: { vi: "Giá và phương thức thanh toán", en: "Price and payment method" },
  term_effect: { vi: "Thời hạn, hiệu lực của hợp đồng", en: "Term and effect of the contract" },
  definitions: { vi: "Khái niệm, thuật ngữ sử dụng trong hợp đồng", en: "Definitions and terms used in the contract" },
  plan_schedule_place: {
    vi: "Kế hoạch, tiến độ, địa điểm chuyển giao công nghệ",
    en: "Plan, schedule and place of the transfer",
  },
  warranty: { vi: "Trách nhiệm bảo hành công nghệ chuyển giao", en: "Warranty of the transferred technology" },
  penalties: { vi: "Phạt vi phạm hợp đồng", en: "Penalties for breach of contract" },
  liability: { vi: "Trách nhiệm do vi phạm hợp đồng", en: "Liability for breach of contract" },
  dispute_resolution: { vi: "Cơ quan giải quyết tranh chấp", en: "Dispute resolution body" },
  other_terms: { vi: "Nội dung khác do các bên thỏa thuận", en: "Other terms agreed by the parties" },
};

/** Every content field's label, as it is introduced inside its article. */
export const FIELD_LABELS: Record<ContractField, Label> = {
  technologyName: { vi: "Tên công nghệ", en: "Technology" },
  transferObjects: { vi: "Đối tượng công nghệ được chuyển giao", en: "Object of transfer" },
  objectDescription: { vi: "Mô tả đối tượng công nghệ", en: "Description of the object" },
  products: { vi: "Sản phẩm do công nghệ tạo ra", en: "Products made with the technology" },
  productStandards: { vi: "Tiêu chuẩn, chất lượng sản phẩm", en: "Product standards and quality" },
  scope: { vi: "Nội dung chuyển giao", en: "What is transferred" },
  exclusive: { vi: "Tính độc quyền", en: "Exclusivity" },
  territory: { vi: "Lãnh thổ được sử dụng công nghệ", en: "Territory" },
  sublicensing: { vi: "Chuyển giao lại quyền sử dụng cho bên thứ ba", en: "Sub-licensing to third parties" },
  transferForm: { vi: "Hình thức chuyển giao", en: "Form of transfer" },
  transferMethods: { vi: "Phương thức chuyển giao", en: "Methods of transfer" },
  methodDetails: { vi: "Chi tiết về phương thức chuyển giao", en: "Details of the methods" },
  providerObligations: { vi: "Quyền và nghĩa vụ của Bên giao", en: "Rights and obligations of the Transferor" },
  seekerObligations: { vi: "Quyền và nghĩa vụ của Bên nhận", en: "Rights and obligations of the Transferee" },
  supportObligations: { vi: "Nghĩa vụ hỗ trợ kỹ thuật của Bên giao", en: "Support obligations of the Transferor" },
  value: { vi: "Giá chuyển giao công nghệ", en: "Price of the transfer" },
  paymentMethod: { vi: "Phương thức thanh toán", en: "Payment method" },
  effectiveOn: { vi: "Hợp đồng có hiệu lực", en: "The contract takes effect" },
  effectiveDate: { vi: "Ngày có hiệu lực", en: "Effective date" },
  termEndDate: { vi: "Hợp đồng có thời hạn đến hết ngày", en: "The contract runs until the end of" },
  definitions: { vi: "Trong hợp đồng này, các từ ngữ dưới đây được hiểu như sau", en: "In this contract" },
  deliveryPlace: { vi: "Địa điểm thực hiện chuyển giao công nghệ", en: "Place of the transfer" },
  milestones: { vi: "Kế hoạch, tiến độ chuyển giao và thanh toán", en: "Plan and schedule of delivery and payment" },
  warranty: { vi: "Bảo hành", en: "Warranty" },
  penalties: { vi: "Phạt vi phạm", en: "Penalties" },
  liability: { vi: "Trách nhiệm do vi phạm", en: "Liability" },
  disputeBody: { vi: "Cơ quan giải quyết tranh chấp", en: "Dispute resolution body" },
  disputeBodyName: { vi: "Tên cơ quan giải quyết tranh chấp", en: "Name of the body" },
  governingLaw: { vi: "Luật áp dụng", en: "Governing law" },
  otherTerms: { vi: "Thỏa thuận khác", en: "Other terms" },
};

const EXCLUSIVE_LABELS: Record<"true" | "false", Label> = {
  true: { vi: "Độc quyền", en: "Exclusive" },
  false: { vi: "Không độc quyền", en: "Non-exclusive" },
};

const SUBLICENSING_LABELS: Record<"true" | "false", Label> = {
  true: { vi: "Được phép", en: "Allowed" },
  false: { vi: "Không được phép", en: "Not allowed" },
};

const PARTY_FIELD_LABELS: Record<Exclude<keyof PartyBlock, "name">, Label> = {
  address: { vi: "Địa chỉ", en: "Address" },
  taxCode: { vi: "Mã số thuế", en: "Tax code" },
  representative: { vi: "Người đại diện", en: "Represented by" },
  position: { vi: "Chức vụ", en: "Position" },
  phone: { vi: "Điện thoại", en: "Telephone" },
  email: { vi: "Thư điện tử", en: "E-mail" },
};

/** The words of the document that are not labels of a field or an enum. */
const TEXT = {
  nation: { vi: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", en: "SOCIALIST REPUBLIC OF VIETNAM" },
  motto: { vi: "Độc lập – Tự do – Hạnh phúc", en: "Independence – Freedom – Happiness" },
  title: { vi: "HỢP ĐỒNG CHUYỂN GIAO CÔNG NGHỆ", en: "TECHNOLOGY TRANSFER CONTRACT" },
  number: { vi: "Số", en: "No." },
  version: { vi: "Phiên bản", en: "Version" },
  courtesy: {
    vi: "",
    en: "Courtesy translation. The Vietnamese text is the legal text of this contract.",
  },
  bases: {
    vi: [
      "Căn cứ Bộ luật Dân sự số 91/2015/QH13 ngày 24 tháng 11 năm 2015;",
      "Căn cứ Luật Chuyển giao công nghệ số 07/2017/QH14 ngày 19 tháng 6 năm 2017;",
      "Căn cứ Nghị định số 76/2018/NĐ-CP ngày 15 tháng 5 năm 2018 của Chính phủ quy định chi tiết và hướng dẫn thi hành một số điều của Luật Chuyển giao công nghệ;",
      "Căn cứ nhu cầu và khả năng của các bên,",
    ],
    en: [
      "Pursuant to the Civil Code No. 91/2015/QH13 of 24 November 2015;",
      "Pursuant to the Law on Technology Transfer No. 07/2017/QH14 of 19 June 2017;",
      "Pursuant to Decree No. 76/2018/ND-CP of 15 May 2018 of the Government detailing and guiding the Law on Technology Transfer;",
      "In view of the needs and capacities of the parties,",
    ],
  },
  partiesIntro: {
    vi: "Hôm nay, ngày …… tháng …… năm ……, tại ……………………, chúng tôi gồm:",
    en: "On this day …… of …………… ……, at ……………………, the parties are:",
  },
  partyHeading: {
    provider: {
      vi: "BÊN GIAO CÔNG NGHỆ (sau đây gọi là “Bên giao”)",
      en: "THE TRANSFEROR (hereinafter “the Transferor”)",
    },
    seeker: {
      vi: "BÊN NHẬN CÔNG NGHỆ (sau đây gọi là “Bên nhận”)",
      en: "THE TRANSFEREE (hereinafter “the Transferee”)",
    },
  },
  partyName: { vi: "Tên tổ chức", en: "Name" },
  agreement: {
    vi: "Hai bên thỏa thuận ký kết hợp đồng chuyển giao công nghệ với các điều khoản sau đây:",
    en: "The parties agree to conclude this technology transfer contract on the following terms:",
  },
  article: { vi: "Điều", en: "Article" },
  notAgreed: { vi: "(chưa thỏa thuận)", en: "(not agreed)" },
  notProvided: { vi: "(chưa cung cấp)", en: "(not provided)" },
  inWords: { vi: "Bằng chữ", en: "In words" },
  currency: { vi: "đồng", en: "VND" },
  paymentSchedule: {
    vi: "Tiến độ thanh toán: theo các mốc tại Điều 9 của hợp đồng.",
    en: "Payment schedule: as set out in the milestones of Article 9.",
  },
  until: { vi: "đến hết ngày", en: "until" },
  columns: {
    no: { vi: "STT", en: "No." },
    title: { vi: "Nội dung công việc", en: "Milestone" },
    dueDate: { vi: "Thời hạn", en: "Due date" },
    responsible: { vi: "Bên thực hiện", en: "Party" },
    deliverable: { vi: "Sản phẩm bàn giao", en: "Deliverable" },
    amount: { vi: "Số tiền (đồng)", en: "Amount (VND)" },
  },
  total: { vi: "Tổng cộng", en: "Total" },
  closing: {
    vi: [
      "Hợp đồng này được lập thành văn bản bằng tiếng Việt; các bên ký vào từng trang và các phụ lục (nếu có) của hợp đồng theo Điều 22 Luật Chuyển giao công nghệ.",
      "Nội dung hợp đồng là phiên bản đã được hai bên xác nhận trên Sàn Giao dịch Công nghệ Hà Nội; mã SHA-256 của phiên bản ghi ở chân mỗi trang.",
    ],
    en: [
      "This contract is made in writing in Vietnamese; the parties sign every page and every annex (if any) in accordance with Article 22 of the Law on Technology Transfer.",
      "Its content is the version both parties confirmed on the Hanoi Technology Exchange; the SHA-256 of that version is printed at the foot of every page.",
    ],
  },
  signatureHeading: {
    provider: { vi: "ĐẠI DIỆN BÊN GIAO", en: "FOR THE TRANSFEROR" },
    seeker: { vi: "ĐẠI DIỆN BÊN NHẬN", en: "FOR THE TRANSFEREE" },
  },
  signatureNote: { vi: "(Ký, ghi rõ họ tên, chức vụ và đóng dấu)", en: "(Signature, full name, position and seal)" },
  confirmed: { vi: "Đã xác nhận phiên bản này trên Sàn lúc", en: "Confirmed this version on the Exchange at" },
  page: { vi: "Trang", en: "Page" },
  pageOf: { vi: "/", en: " of " },
  subject: { vi: "Hợp đồng chuyển giao công nghệ", en: "Technology transfer contract" },
} as const;

// --- The layout model. ---

/** A party's particulars as the contract names it (from its organization profile). */
export interface PartyBlock {
  readonly name: string;
  readonly address?: string | null;
  readonly taxCode?: string | null;
  readonly representative?: string | null;
  readonly position?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
}

export interface ContractDocumentInput {
  readonly locale: DocumentLocale;
  /** The deal's reference, printed as the contract number. */
  readonly reference: string;
  readonly version: number;
  /** The SHA-256 (hex) of the version's canonical content (./contract-hash.ts). */
  readonly sha256: string;
  readonly provider: PartyBlock;
  readonly seeker: PartyBlock;
  readonly content: ContractContent;
  /** When each side confirmed this version on the exchange, if it has. */
  readonly confirmedAt?: { readonly provider?: Date | null; readonly seeker?: Date | null };
}

/** A labelled line: "Label: value". `missing` values are placeholders, set apart by the writers. */
export interface FieldLine {
  readonly label: string;
  readonly value: string;
  readonly missing: boolean;
}

export interface TableColumn {
  readonly header: string;
  /** A relative width: the writers share the text width in these proportions. */
  readonly width: number;
  readonly align: "left" | "center" | "right";
}

export interface ContractTable {
  readonly columns: readonly TableColumn[];
  readonly rows: readonly (readonly string[])[];
  /** A closing row (the total), set in bold. */
  readonly total?: readonly string[];
}

export type ContractBlock =
  | ({ readonly kind: "field" } & FieldLine)
  /** A clause: its label on a line, then its paragraphs. */
  | {
      readonly kind: "clause";
      readonly label: string;
      readonly paragraphs: readonly string[];
      readonly missing: boolean;
    }
  | { readonly kind: "list"; readonly label: string; readonly items: readonly string[]; readonly missing: boolean }
  | { readonly kind: "table"; readonly label: string; readonly table: ContractTable }
  | { readonly kind: "note"; readonly text: string };

export interface ContractArticle {
  readonly no: number;
  readonly key: Art23Key;
  /** "Điều 6. Giá và phương thức thanh toán" */
  readonly heading: string;
  readonly blocks: readonly ContractBlock[];
}

export interface PartySection {
  readonly side: DealSide;
  readonly heading: string;
  readonly fields: readonly FieldLine[];
}

export interface SignatureBlock {
  readonly side: DealSide;
  readonly heading: string;
  readonly note: string;
  /** The representative's name and position, when the profile gives them. */
  readonly name: string | null;
  readonly position: string | null;
  /** "Đã xác nhận phiên bản này trên Sàn lúc 09:30 ngày 12/03/2026", when this side has confirmed it. */
  readonly confirmation: string | null;
}

export interface ContractDocument {
  readonly locale: DocumentLocale;
  /** BCP 47, for the files' language tags. */
  readonly language: "vi-VN" | "en-GB";
  readonly nation: string;
  readonly motto: string;
  readonly title: string;
  /** "Số: HĐ-2026-0001" */
  readonly number: string;
  /** "Phiên bản 3" */
  readonly versionLine: string;
  /** English only: the Vietnamese text is the legal one. */
  readonly courtesyNote: string | null;
  readonly bases: readonly string[];
  readonly partiesIntro: string;
  readonly parties: readonly PartySection[];
  readonly agreement: string;
  readonly articles: readonly ContractArticle[];
  readonly closing: readonly string[];
  readonly signatures: readonly SignatureBlock[];
  /** "Phiên bản 3 · SHA-256 <hex>", at the foot of every page. */
  readonly footer: string;
  /** The page number as "Trang 2/5" or "Page 2 of 5": the word, then the separator before the total. */
  readonly pageLabel: { readonly page: string; readonly of: string };
  readonly metadata: { readonly title: string; readonly subject: string; readonly keywords: string };
}

// --- Formatting. ---

const group = (digits: string, separator: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/** An amount of đồng with the locale's thousand separator: "1.500.000.000" (vi), "1,500,000,000" (en). */
export function formatAmount(amount: bigint, locale: DocumentLocale): string {
  const sign = amount < 0n ? "-" : "";
  const digits = (amount < 0n ? -amount : amount).toString();
  return sign + group(digits, locale === "vi" ? "." : ",");
}

const DIGIT_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"] as const;

/** Reads 0–999; `inner` for a group after the first, which reads its hundreds and "linh" even when zero. */
function readHundreds(n: number, inner: boolean): string[] {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (h > 0 || inner) words.push(DIGIT_WORDS[h]!, "trăm");
  if (t === 0) {
    if (u > 0 && words.length > 0) words.push("linh");
  } else words.push(...(t === 1 ? ["mười"] : [DIGIT_WORDS[t]!, "mươi"]));
  if (u === 1 && t > 1) words.push("mốt");
  else if (u === 4 && t > 1) words.push("tư");
  else if (u === 5 && t > 0) words.push("lăm");
  else if (u > 0) words.push(DIGIT_WORDS[u]!);
  return words;
}

/** Reads 0 < n < 10^9 as triệu, nghìn and units; `inner` when a higher part has been read already. */
function readBelowBillion(n: number, inner: boolean): string[] {
  const words: string[] = [];
  let started = inner;
  for (const [value, unit] of [
    [Math.floor(n / 1_000_000), "triệu"],
    [Math.floor(n / 1000) % 1000, "nghìn"],
    [n % 1000, ""],
  ] as const) {
    if (value === 0) continue;
    words.push(...readHundreds(value, started), ...(unit ? [unit] : []));
    started = true;
  }
  return words;
}

/** Reads n > 0 in blocks of tỷ (10^9): 1 200 000 000 000 is "một nghìn hai trăm tỷ". */
function readAmount(n: bigint, inner: boolean): string[] {
  const high = n / 1_000_000_000n;
  const low = Number(n % 1_000_000_000n);
  return [
    ...(high > 0n ? [...readAmount(high, inner), "tỷ"] : []),
    ...(low > 0 ? readBelowBillion(low, inner || high > 0n) : []),
  ];
}

/**
 * A whole amount of đồng in Vietnamese words, as contracts write it beside the figure:
 * 1 500 000 000 → "Một tỷ năm trăm triệu đồng". Parts that are zero are skipped; a part after a
 * higher one reads its hundreds ("một triệu không trăm linh năm").
 */
export function vndInWords(amount: bigint): string {
  if (amount < 0n) return `Âm ${vndInWords(-amount).replace(/^./, (c) => c.toLowerCase())}`;
  const text = amount === 0n ? "không đồng" : `${readAmount(amount, false).join(" ")} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "2026-03-15" → "15/03/2026"; anything else is shown as it is. */
export function formatDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : isoDate;
}

/** A moment in Vietnam's time (UTC+7, no daylight saving): "09:30 ngày 12/03/2026" / "09:30 on 12/03/2026". */
function formatMoment(at: Date, locale: DocumentLocale): string {
  if (Number.isNaN(at.getTime())) return "";
  const local = new Date(at.getTime() + 7 * 3_600_000);
  const pad = (n: number) => String(n).padStart(2, "0");
  const time = `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
  const day = `${pad(local.getUTCDate())}/${pad(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
  return locale === "vi" ? `${time} ngày ${day} (giờ Việt Nam)` : `${time} on ${day} (Vietnam time, UTC+7)`;
}

const paragraphsOf = (text: string) =>
  text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p !== "");

// --- The builder. ---

interface Ctx {
  readonly locale: DocumentLocale;
  readonly content: ContractContent;
  readonly l: (label: Label) => string;
}

type FieldRenderer<F extends ContractField> = (value: ContractContent[F], ctx: Ctx) => ContractBlock[];

function fieldLine(field: ContractField, value: string | undefined, ctx: Ctx): ContractBlock {
  const missing = value === undefined || value === "";
  return { kind: "field", label: ctx.l(FIELD_LABELS[field]), value: missing ? ctx.l(TEXT.notAgreed) : value, missing };
}

function clause(field: ContractField, value: string | undefined, ctx: Ctx): ContractBlock {
  const paragraphs = value === undefined ? [] : paragraphsOf(value);
  const missing = paragraphs.length === 0;
  return {
    kind: "clause",
    label: ctx.l(FIELD_LABELS[field]),
    paragraphs: missing ? [ctx.l(TEXT.notAgreed)] : paragraphs,
    missing,
  };
}

function list(field: ContractField, items: readonly string[] | undefined, ctx: Ctx): ContractBlock {
  const missing = items === undefined || items.length === 0;
  return { kind: "list", label: ctx.l(FIELD_LABELS[field]), items: missing ? [ctx.l(TEXT.notAgreed)] : items, missing };
}

/** Fields that may stay empty in a confirmed contract: left out of the document when empty. */
const optionalClause =
  (field: ContractField) =>
  (value: string | undefined, ctx: Ctx): ContractBlock[] =>
    value === undefined || value.trim() === "" ? [] : [clause(field, value, ctx)];

/** Exclusivity, territory and sub-licensing describe a right of use; a transfer of ownership has none. */
const forRightOfUse = (ctx: Ctx) => ctx.content.scope !== "OWNERSHIP";

function milestoneTable(milestones: readonly Milestone[], ctx: Ctx): ContractTable {
  const { l } = ctx;
  const c = TEXT.columns;
  const amounts = milestones.flatMap((m) => (m.amount === undefined ? [] : [m.amount]));
  return {
    columns: [
      { header: l(c.no), width: 8, align: "center" },
      { header: l(c.title), width: 25, align: "left" },
      { header: l(c.dueDate), width: 13, align: "center" },
      { header: l(c.responsible), width: 14, align: "center" },
      { header: l(c.deliverable), width: 23, align: "left" },
      { header: l(c.amount), width: 17, align: "right" },
    ],
    rows: milestones.map((m, i) => [
      String(i + 1),
      m.title,
      m.dueDate === undefined ? l(TEXT.notAgreed) : formatDate(m.dueDate),
      m.responsible === undefined ? l(TEXT.notAgreed) : l(SIDE_LABELS[m.responsible]),
      m.deliverable ?? "",
      m.amount === undefined ? "" : formatAmount(m.amount, ctx.locale),
    ]),
    total:
      amounts.length === 0
        ? undefined
        : [
            "",
            l(TEXT.total),
            "",
            "",
            "",
            formatAmount(
              amounts.reduce((sum, a) => sum + a, 0n),
              ctx.locale,
            ),
          ],
  };
}

/** How each content field reads in its article. A mapped type, so that a new field without a renderer fails to compile. */
const RENDERERS: { readonly [F in ContractField]: FieldRenderer<F> } = {
  technologyName: (v, ctx) => [fieldLine("technologyName", v, ctx)],
  transferObjects: (v, ctx) => [
    list(
      "transferObjects",
      v?.map((o) => ctx.l(TRANSFER_OBJECT_LABELS[o])),
      ctx,
    ),
  ],
  objectDescription: (v, ctx) => [clause("objectDescription", v, ctx)],
  products: (v, ctx) => [clause("products", v, ctx)],
  productStandards: (v, ctx) => [clause("productStandards", v, ctx)],
  scope: (v, ctx) => [fieldLine("scope", v && ctx.l(SCOPE_LABELS[v]), ctx)],
  exclusive: (v, ctx) =>
    forRightOfUse(ctx) ? [fieldLine("exclusive", v === undefined ? v : ctx.l(EXCLUSIVE_LABELS[`${v}`]), ctx)] : [],
  territory: (v, ctx) => (forRightOfUse(ctx) ? [fieldLine("territory", v, ctx)] : []),
  sublicensing: (v, ctx) =>
    forRightOfUse(ctx)
      ? [fieldLine("sublicensing", v === undefined ? v : ctx.l(SUBLICENSING_LABELS[`${v}`]), ctx)]
      : [],
  transferForm: (v, ctx) => [fieldLine("transferForm", v && ctx.l(TRANSFER_FORM_LABELS[v]), ctx)],
  transferMethods: (v, ctx) => [
    list(
      "transferMethods",
      v?.map((m) => ctx.l(TRANSFER_METHOD_LABELS[m])),
      ctx,
    ),
  ],
  methodDetails: optionalClause("methodDetails"),
  providerObligations: (v, ctx) => [clause("providerObligations", v, ctx)],
  seekerObligations: (v, ctx) => [clause("seekerObligations", v, ctx)],
  supportObligations: (v, ctx) =>
    v === undefined || v.length === 0
      ? []
      : [
          list(
            "supportObligations",
            v.map((s) =>
              s.until === undefined ? s.description : `${s.description} (${ctx.l(TEXT.until)} ${formatDate(s.until)})`,
            ),
            ctx,
          ),
        ],
  value: (v, ctx) => [
    fieldLine(
      "value",
      v === undefined
        ? undefined
        : ctx.locale === "vi"
          ? `${formatAmount(v, "vi")} ${TEXT.currency.vi} (${TEXT.inWords.vi}: ${vndInWords(v)})`
          : `${formatAmount(v, "en")} ${TEXT.currency.en}`,
      ctx,
    ),
  ],
  paymentMethod: (v, ctx) => [
    clause("paymentMethod", v, ctx),
    ...((ctx.content.milestones ?? []).some((m) => m.amount !== undefined && m.amount > 0n)
      ? [{ kind: "note" as const, text: ctx.l(TEXT.paymentSchedule) }]
      : []),
  ],
  effectiveOn: (v, ctx) => [fieldLine("effectiveOn", v && ctx.l(EFFECTIVE_ON_LABELS[v]), ctx)],
  effectiveDate: (v, ctx) =>
    ctx.content.effectiveOn === "DATE" || v !== undefined ? [fieldLine("effectiveDate", v && formatDate(v), ctx)] : [],
  termEndDate: (v, ctx) => [fieldLine("termEndDate", v && formatDate(v), ctx)],
  definitions: (v, ctx) => [clause("definitions", v, ctx)],
  deliveryPlace: (v, ctx) => [clause("deliveryPlace", v, ctx)],
  milestones: (v, ctx) =>
    v === undefined || v.length === 0
      ? [fieldLine("milestones", undefined, ctx)]
      : [{ kind: "table", label: ctx.l(FIELD_LABELS.milestones), table: milestoneTable(v, ctx) }],
  warranty: (v, ctx) => [clause("warranty", v, ctx)],
  penalties: (v, ctx) => [clause("penalties", v, ctx)],
  liability: (v, ctx) => [clause("liability", v, ctx)],
  disputeBody: (v, ctx) => [fieldLine("disputeBody", v && ctx.l(DISPUTE_BODY_LABELS[v]), ctx)],
  disputeBodyName: (v, ctx) => [fieldLine("disputeBodyName", v, ctx)],
  governingLaw: (v, ctx) => [fieldLine("governingLaw", v, ctx)],
  otherTerms: optionalClause("otherTerms"),
};

function renderField<F extends ContractField>(field: F, ctx: Ctx): ContractBlock[] {
  return RENDERERS[field](ctx.content[field], ctx);
}

const present = (value: string | null | undefined): value is string => typeof value === "string" && value.trim() !== "";

function partySection(side: DealSide, party: PartyBlock, ctx: Ctx): PartySection {
  const line = (label: string, value: string | null | undefined): FieldLine =>
    present(value)
      ? { label, value: value.trim(), missing: false }
      : { label, value: ctx.l(TEXT.notProvided), missing: true };
  // Phone and e-mail are printed only when the profile gives them; the rest are expected in a contract.
  const optional = (["phone", "email"] as const).filter((k) => present(party[k]));
  return {
    side,
    heading: ctx.l(TEXT.partyHeading[side]),
    fields: [
      line(ctx.l(TEXT.partyName), party.name),
      ...(["address", "taxCode", "representative", "position"] as const).map((k) =>
        line(ctx.l(PARTY_FIELD_LABELS[k]), party[k]),
      ),
      ...optional.map((k) => line(ctx.l(PARTY_FIELD_LABELS[k]), party[k])),
    ],
  };
}

/** Every string of a value in NFC: diacritics as single code points, as fonts and text extraction expect. */
function nfc<T>(value: T): T {
  if (typeof value === "string") return value.normalize("NFC") as T;
  if (Array.isArray(value)) return value.map(nfc) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfc(v)])) as T;
  }
  return value;
}

/** The layout model of a contract version, in Vietnamese (the legal text) or English (a courtesy rendering). */
export function contractDocument(input: ContractDocumentInput): ContractDocument {
  const { locale } = input;
  const l = (label: Label) => label[locale];
  const ctx: Ctx = { locale, content: input.content, l };
  const article = l(TEXT.article);
  const versionLine = `${l(TEXT.version)} ${input.version}`;
  const title = l(TEXT.title);
  const parties = { provider: input.provider, seeker: input.seeker } as const;

  return nfc<ContractDocument>({
    locale,
    language: locale === "vi" ? "vi-VN" : "en-GB",
    nation: l(TEXT.nation),
    motto: l(TEXT.motto),
    title,
    number: `${l(TEXT.number)}: ${input.reference}`,
    versionLine,
    courtesyNote: locale === "en" ? TEXT.courtesy.en : null,
    bases: TEXT.bases[locale],
    partiesIntro: l(TEXT.partiesIntro),
    parties: (["provider", "seeker"] as const).map((side) => partySection(side, parties[side], ctx)),
    agreement: l(TEXT.agreement),
    articles: ART23_ITEMS.map(({ no, key, fields }) => ({
      no,
      key,
      heading: `${article} ${no}. ${l(ARTICLE_TITLES[key])}`,
      blocks: fields.flatMap((field) => renderField(field, ctx)),
    })),
    closing: TEXT.closing[locale],
    signatures: (["provider", "seeker"] as const).map((side) => {
      const party = parties[side];
      const at = input.confirmedAt?.[side];
      return {
        side,
        heading: l(TEXT.signatureHeading[side]),
        note: l(TEXT.signatureNote),
        name: present(party.representative) ? party.representative.trim() : null,
        position: present(party.position) ? party.position.trim() : null,
        confirmation: at ? `${l(TEXT.confirmed)} ${formatMoment(at, locale)}` : null,
      };
    }),
    footer: `${versionLine} · SHA-256 ${input.sha256}`,
    pageLabel: { page: l(TEXT.page), of: l(TEXT.pageOf) },
    metadata: {
      title: `${title} ${input.reference}`,
      subject: `${l(TEXT.subject)} ${input.reference} · ${versionLine}`,
      keywords: `SHA-256 ${input.sha256}`,
    },
  });
}
