/**
 * Who to contact about the exchange, defined once for the contact page, the legal texts and the
 * footer. DEMO DATA: the addresses, numbers and mailboxes below are plausible placeholders for the
 * demonstration, not confirmed contacts; the operator replaces them, and sets `demo` to false, before
 * going live. While `demo` is true the contact page says so.
 */
export const CONTACTS = {
  demo: true,
  /** The operator's user support (PPP / O&M concession). */
  operator: {
    email: "support@techex.hanoi.gov.vn",
    phone: "024 3900 0000",
    /** The same number in international form, for tel: links. */
    phoneE164: "+842439000000",
    /** Monday to Friday except public holidays, Hanoi time. */
    hours: { opens: "08:00", closes: "17:00" },
    address: {
      vi: "Tầng 5, tòa nhà Sàn Giao dịch Công nghệ, phường Cầu Giấy, Hà Nội",
      en: "5th floor, Technology Exchange building, Cau Giay Ward, Hanoi",
    },
  },
  /** The operator's personal data protection contact point. */
  dataProtection: {
    email: "dpo@techex.hanoi.gov.vn",
  },
  /** The Department of Science and Technology of Hanoi, which owns and supervises the exchange. */
  department: {
    email: "sokhcn@hanoi.gov.vn",
    phone: "024 3900 0001",
    phoneE164: "+842439000001",
    address: {
      vi: "Sở Khoa học và Công nghệ thành phố Hà Nội, Hà Nội",
      en: "Hanoi Department of Science and Technology, Hanoi",
    },
  },
} as const;

export type ContactLocale = keyof typeof CONTACTS.operator.address;
