import type { TransferMethod, TransferObject } from "@/lib/generated/prisma/enums";
import { ContractContentSchema, type ContractContent } from "./contract";

/**
 * The standard terms of an express licence (DOMAIN §5, issue #12 item 4): a non-exclusive right to
 * use the technology in Vietnam, without sub-licensing, for five years, at the offer's fixed price
 * paid at once. The seeker is shown this content before accepting; it needs no negotiation, only
 * both confirmations, so it is complete by construction (`missingForConfirmation` finds nothing,
 * with or without mandatory registration — tests/unit/deals-contract.test.ts).
 *
 * The clauses are Vietnamese, the language the contract is signed in; an English rendering for
 * readers comes from the message catalogs, not from here.
 */

/** What the standard terms take from the offer. */
export interface ExpressOffer {
  readonly titleVi: string;
  readonly summaryVi: string;
  readonly applicationAreas?: string | null;
  readonly transferObjects: readonly TransferObject[];
  readonly transferMethods: readonly TransferMethod[];
}

export interface ExpressTerms {
  /** The day the seeker takes the licence, "YYYY-MM-DD" in Vietnam: the schedule counts from it. */
  readonly startDate: string;
  /** The deal's `registrationRequirement(...).mandatory`: the contract then takes effect on certification. */
  readonly registrationMandatory: boolean;
}

export const EXPRESS_TERM_YEARS = 5;
export const EXPRESS_PAYMENT_DAYS = 15;
export const EXPRESS_DELIVERY_DAYS = 30;
export const EXPRESS_SUPPORT_MONTHS = 12;

/** A "YYYY-MM-DD" date moved by whole days, months and years (31 Jan + 1 month is 3 Mar, as Date does). */
function shift(
  isoDate: string,
  { days = 0, months = 0, years = 0 }: { days?: number; months?: number; years?: number },
) {
  const [y, m, d] = isoDate.split("-").map(Number);
  if (y === undefined || m === undefined || d === undefined) throw new RangeError(`Not a date: ${isoDate}`);
  return new Date(Date.UTC(y + years, m - 1 + months, d + days)).toISOString().slice(0, 10);
}

/**
 * The complete content of an express licence of `offer` at `price` VND. Throws when the inputs
 * cannot make a valid contract (no price, a price above the maximum, a malformed start date): the
 * caller offers express licences only for offers with a fixed price.
 */
export function expressLicenceContract(offer: ExpressOffer, price: bigint, terms: ExpressTerms): ContractContent {
  const parsed = ContractContentSchema.safeParse({
    technologyName: offer.titleVi,
    transferObjects: offer.transferObjects.length > 0 ? offer.transferObjects : ["DOCUMENTS_SOFTWARE_DATA"],
    objectDescription: `${offer.summaryVi}\n\nMô tả chi tiết theo hồ sơ công nghệ chào bán trên Sàn Giao dịch Công nghệ Hà Nội tại ngày ký hợp đồng.`,
    products: offer.applicationAreas
      ? `Sản phẩm, dịch vụ do Bên nhận tạo ra bằng việc áp dụng công nghệ trong các lĩnh vực: ${offer.applicationAreas}`
      : "Sản phẩm, dịch vụ do Bên nhận tạo ra bằng việc áp dụng công nghệ được chuyển giao.",
    productStandards:
      "Sản phẩm đáp ứng các thông số kỹ thuật nêu trong tài liệu công nghệ do Bên giao bàn giao và các tiêu chuẩn, quy chuẩn kỹ thuật quốc gia hiện hành áp dụng cho sản phẩm. Bên nhận chịu trách nhiệm về chất lượng sản phẩm do mình sản xuất.",
    scope: "RIGHT_OF_USE",
    exclusive: false,
    territory: "Lãnh thổ nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    sublicensing: false,
    transferForm: "STANDALONE",
    transferMethods: offer.transferMethods.length > 0 ? offer.transferMethods : ["DOCUMENTS"],
    methodDetails:
      "Bên giao chuyển giao công nghệ theo các phương thức đã chọn. Tài liệu công nghệ được bàn giao dưới dạng bản điện tử trong không gian giao dịch trên Sàn, kèm bản in nếu Bên nhận yêu cầu.",
    providerObligations:
      "Bên giao bảo đảm có quyền chuyển giao quyền sử dụng công nghệ; bàn giao đầy đủ, đúng hạn tài liệu công nghệ; hướng dẫn, giải đáp vướng mắc kỹ thuật trong thời hạn hỗ trợ. Bên giao được nhận đủ giá chuyển giao và tiếp tục sử dụng, chuyển giao quyền sử dụng công nghệ cho bên khác.",
    seekerObligations:
      "Bên nhận thanh toán đủ, đúng hạn giá chuyển giao; sử dụng công nghệ đúng phạm vi, lãnh thổ và thời hạn của hợp đồng; không chuyển giao lại hoặc cấp quyền sử dụng cho bên thứ ba; giữ bí mật thông tin mà Bên giao xác định là bí mật. Bên nhận được hướng dẫn, hỗ trợ kỹ thuật theo hợp đồng.",
    supportObligations: [
      {
        description: "Bên giao giải đáp vướng mắc kỹ thuật của Bên nhận qua Sàn hoặc thư điện tử.",
        until: shift(terms.startDate, { months: EXPRESS_SUPPORT_MONTHS }),
      },
    ],
    value: price,
    paymentMethod:
      "Giá chuyển giao tính bằng đồng Việt Nam. Bên nhận thanh toán một lần toàn bộ giá chuyển giao bằng chuyển khoản vào tài khoản của Bên giao theo mốc thanh toán của hợp đồng.",
    effectiveOn: terms.registrationMandatory ? "REGISTRATION" : "SIGNING",
    termEndDate: shift(terms.startDate, { years: EXPRESS_TERM_YEARS }),
    definitions:
      "«Công nghệ»: công nghệ nêu tại hợp đồng này và trong hồ sơ chào bán trên Sàn.\n«Tài liệu công nghệ»: bản mô tả, quy trình, bản vẽ, công thức, phần mềm, dữ liệu do Bên giao bàn giao.\n«Li-xăng không độc quyền»: quyền sử dụng công nghệ cấp cho Bên nhận, trong khi Bên giao vẫn được sử dụng và cấp quyền sử dụng cho bên khác.\n«Sàn»: Sàn Giao dịch Công nghệ Hà Nội.",
    deliveryPlace:
      "Tài liệu công nghệ được bàn giao trong không gian giao dịch trên Sàn; đào tạo, hỗ trợ (nếu có) tại trụ sở Bên nhận hoặc trực tuyến.",
    milestones: [
      {
        title: "Thanh toán giá chuyển giao",
        dueDate: shift(terms.startDate, { days: EXPRESS_PAYMENT_DAYS }),
        responsible: "seeker",
        deliverable: "Chứng từ chuyển khoản toàn bộ giá chuyển giao.",
        amount: price,
      },
      {
        title: "Bàn giao tài liệu công nghệ",
        dueDate: shift(terms.startDate, { days: EXPRESS_DELIVERY_DAYS }),
        responsible: "provider",
        deliverable: "Toàn bộ tài liệu công nghệ theo các phương thức chuyển giao đã chọn.",
      },
    ],
    warranty:
      "Bên giao bảo hành trong 12 tháng kể từ ngày bàn giao: công nghệ áp dụng được như mô tả trong tài liệu công nghệ; sai sót của tài liệu được khắc phục trong vòng 15 ngày kể từ khi nhận thông báo của Bên nhận.",
    penalties: "Bên vi phạm nghĩa vụ hợp đồng chịu phạt vi phạm bằng 8% giá trị phần nghĩa vụ bị vi phạm.",
    liability:
      "Bên vi phạm bồi thường thiệt hại thực tế phát sinh cho bên bị vi phạm theo quy định của pháp luật; bên chậm thanh toán trả lãi trên số tiền chậm trả theo quy định của Bộ luật Dân sự.",
    disputeBody: "COURT",
    disputeBodyName: "Tòa án nhân dân có thẩm quyền của Việt Nam",
    governingLaw: "Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    otherTerms:
      "Các bên ưu tiên giải quyết tranh chấp bằng thương lượng, hòa giải trong 30 ngày trước khi đưa ra Tòa án. Hợp đồng được lập thành văn bản; các bên ký vào từng trang và phụ lục (nếu có).",
  });
  if (!parsed.success) {
    throw new RangeError(
      `Express licence terms are not valid: ${parsed.error.issues.map((i) => i.message).join(", ")}`,
    );
  }
  return parsed.data;
}
