/**
 * The non-disclosure agreement a party starts from when it requires one (issue #12 item 2). A
 * starting point, editable before it is sent; what the other side accepts is the text as sent,
 * recorded with its SHA-256. Client-safe.
 */
export const STANDARD_NDA_TEXT: Readonly<Record<"vi" | "en", string>> = {
  vi: [
    "THỎA THUẬN BẢO MẬT THÔNG TIN",
    "",
    "1. Thông tin mật là mọi tài liệu, dữ liệu kỹ thuật, bí quyết công nghệ, thông tin thương mại mà một bên chia sẻ với bên kia trong giao dịch này trên Sàn Giao dịch Công nghệ Hà Nội và được đánh dấu là mật.",
    "2. Bên nhận chỉ sử dụng thông tin mật để đánh giá và đàm phán việc chuyển giao công nghệ trong giao dịch này; không tiết lộ cho bên thứ ba, trừ người lao động, cố vấn cần biết và cũng chịu nghĩa vụ bảo mật tương đương.",
    "3. Không áp dụng cho thông tin đã công khai không do lỗi của bên nhận, bên nhận đã có hợp pháp trước đó, hoặc phải cung cấp theo yêu cầu của cơ quan nhà nước có thẩm quyền.",
    "4. Nghĩa vụ bảo mật có hiệu lực trong 05 năm kể từ ngày chấp nhận thỏa thuận này, kể cả khi giao dịch không dẫn đến hợp đồng.",
    "5. Khi giao dịch kết thúc mà không ký hợp đồng, bên nhận hủy hoặc trả lại thông tin mật theo yêu cầu của bên tiết lộ.",
    "6. Thỏa thuận này được điều chỉnh bởi pháp luật Việt Nam. Tranh chấp được giải quyết bằng thương lượng, nếu không thành thì tại Tòa án nhân dân có thẩm quyền.",
  ].join("\n"),
  en: [
    "NON-DISCLOSURE AGREEMENT",
    "",
    "1. Confidential information is every document, technical data, know-how and commercial information one party shares with the other in this deal on the Hanoi Technology Exchange and marks as confidential.",
    "2. The receiving party uses confidential information only to evaluate and negotiate the technology transfer of this deal, and discloses it to no third party except employees and advisers who need to know it and are bound by an equivalent duty of confidentiality.",
    "3. This does not apply to information that is public through no fault of the receiving party, that it lawfully held before, or that a competent authority requires.",
    "4. The duty of confidentiality lasts 5 years from the acceptance of this agreement, even if the deal leads to no contract.",
    "5. When the deal ends without a contract, the receiving party destroys or returns the confidential information at the disclosing party's request.",
    "6. This agreement is governed by the law of Vietnam. Disputes are settled by negotiation, failing which by the competent People's Court.",
  ].join("\n"),
};
