import { describe, expect, it, vi } from "vitest";
import {
  absoluteUrl,
  appBaseUrl,
  notificationTranslator,
  renderEmail,
  renderNotification,
  toNotificationLocale,
} from "@/lib/notifications/render";
import { NotificationLinkSchema } from "@/lib/notifications/schemas";
import { NOTIFICATION_TYPES, type NotificationParamsByType } from "@/lib/notifications/types";

const SAMPLE: NotificationParamsByType = {
  "listing.approved": { title: "Máy lọc nước nano" },
  "listing.rejected": { title: "Máy lọc nước nano", reason: "Thiếu số bằng sáng chế" },
  "listing.revision_approved": { title: "Máy lọc nước nano" },
  "listing.revision_rejected": { title: "Máy lọc nước nano", reason: "Ảnh không rõ" },
  "listing.needs_officer": { title: "Máy lọc nước nano" },
  "listing.prohibited": { title: "Máy lọc nước nano", entry: "Mục mẫu 1" },
  "listing.expiring": { title: "Máy lọc nước nano", date: "2026-05-01T03:00:00.000Z" },
  "listing.expired": { title: "Máy lọc nước nano" },
  "listing.update_reminder": { title: "Máy lọc nước nano" },
  "organization.verified": { name: "Viện Vật liệu" },
  "organization.rejected": { name: "Viện Vật liệu", reason: "Mã số thuế không khớp" },
  "organization.legal_accepted": { name: "Viện Vật liệu" },
  "organization.legal_rejected": { name: "Viện Vật liệu", reason: "Mã số thuế không khớp" },
  "membership.requested": { name: "Lê Văn An", organization: "Viện Vật liệu" },
  "membership.approved": { organization: "Viện Vật liệu" },
  "membership.rejected": { organization: "Viện Vật liệu", note: "Không có trong danh sách" },
  "membership.joined": { name: "Lê Văn An", organization: "Viện Vật liệu" },
  "membership.removed": { organization: "Viện Vật liệu" },
  "membership.admin_transferred": { organization: "Viện Vật liệu" },
  "match.new": { title: "Máy lọc nước nano", listing: "Cần thiết bị lọc nước cho trường học", score: 0.85 },
  "deal.received": { title: "Máy lọc nước nano", organization: "Công ty Dệt nhuộm", reference: "GD-2026-7KQ3M9X" },
  "deal.accepted": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.declined": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    reason: "Đã chuyển giao độc quyền",
  },
  "deal.expired": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.withdrawn": { title: "Máy lọc nước nano", organization: "Công ty Dệt nhuộm", reference: "GD-2026-7KQ3M9X" },
  "deal.cancelled": {
    title: "Máy lọc nước nano",
    organization: "Công ty Dệt nhuộm",
    reference: "GD-2026-7KQ3M9X",
    reason: "Ngân sách năm nay đã hết",
  },
  "deal.message": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.document_added": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.participant_invited": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
  },
  "deal.nda_required": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.contract_saved": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    version: 3,
  },
  "deal.contract_confirmed": {
    title: "Máy lọc nước nano",
    organization: "Công ty Dệt nhuộm",
    reference: "GD-2026-7KQ3M9X",
    version: 3,
  },
  "deal.signed": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    version: 3,
  },
  "deal.express_taken": {
    title: "Máy lọc nước nano",
    organization: "Công ty Dệt nhuộm",
    reference: "GD-2026-7KQ3M9X",
    version: 1,
  },
  "deal.registration_filed": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
  },
  "deal.registration_papers": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    note: "Bổ sung bản sao giấy phép kinh doanh",
  },
  "deal.registration_certified": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    certificate: "123/GCN-SKHCN",
  },
  "deal.registration_refused": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    reason: "Hợp đồng thiếu chữ ký",
  },
  "deal.registration_reminder": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    days: 30,
    date: "2027-02-20",
  },
  "registration.filed": { title: "Máy lọc nước nano", reference: "GD-2026-7KQ3M9X" },
  "registration.papers_added": { title: "Máy lọc nước nano", reference: "GD-2026-7KQ3M9X" },
  "deal.performance_started": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
  },
  "deal.completed": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X" },
  "deal.terminated": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    reason: "Bên nhận không thanh toán",
  },
  "deal.milestone_done": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    note: "Bàn giao hồ sơ công nghệ",
  },
  "deal.milestone_confirmed": {
    title: "Máy lọc nước nano",
    organization: "Viện Vật liệu",
    reference: "GD-2026-7KQ3M9X",
    note: "Bàn giao hồ sơ công nghệ",
  },
  "deal.rated": { title: "Máy lọc nước nano", organization: "Viện Vật liệu", reference: "GD-2026-7KQ3M9X", version: 5 },
  "flag.raised": { label: "GD-2026-7KQ3M9X" },
  "audit.chain_broken": { seq: "1042", problem: "hash_mismatch" },
  "flag.answered": { label: "Máy lọc nước nano" },
  "expert.contact": {
    expert: "GS.TS. Phạm Văn Lâm",
    name: "Trần Thu Hà",
    organization: "Công ty Dệt nhuộm",
    email: "ha@congty.vn",
    topic: "Tư vấn định giá công nghệ xử lý nước thải",
    message: "Chúng tôi cần ý kiến về giá trị hợp lý của công nghệ.",
  },
  "deal.nda_accepted": { title: "Máy lọc nước nano", organization: "Công ty Dệt nhuộm", reference: "GD-2026-7KQ3M9X" },
};

describe("notification rendering", () => {
  it("has a title and body in both languages for every type, using every parameter", async () => {
    for (const locale of ["vi", "en"] as const) {
      const t = await notificationTranslator(locale, { strict: true });
      for (const type of NOTIFICATION_TYPES) {
        const { title, body } = renderNotification(t, type, SAMPLE[type]);
        expect(title, `${locale} ${type}`).not.toContain("types.");
        const text = `${title} ${body}`;
        for (const [key, value] of Object.entries(SAMPLE[type])) {
          if (key === "date" || key === "score") continue; // formatted, checked below
          expect(text, `${locale} ${type} ${key}`).toContain(String(value));
        }
      }
    }
  });

  it("formats dates and scores the way each language writes them", async () => {
    const vi = await notificationTranslator("vi", { strict: true });
    const en = await notificationTranslator("en", { strict: true });
    expect(renderNotification(en, "listing.expiring", SAMPLE["listing.expiring"]).body).toContain("May 1, 2026");
    expect(renderNotification(vi, "listing.expiring", SAMPLE["listing.expiring"]).body).toMatch(/1 tháng 5,? 2026/);
    expect(renderNotification(en, "match.new", SAMPLE["match.new"]).body).toContain("85%");
  });

  it("throws on a missing parameter when strict, and falls back quietly when reading old rows", async () => {
    const strict = await notificationTranslator("vi", { strict: true });
    expect(() => renderNotification(strict, "listing.rejected", { title: "X" })).toThrow();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const lenient = await notificationTranslator("vi");
    expect(renderNotification(lenient, "listing.gone_type", {}).title).toBe("types.listing.gone_type.title");
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("reads the bell label as the screen reader should say it", async () => {
    expect((await notificationTranslator("vi", { strict: true }))("bell.label", { count: 3 })).toBe(
      "3 thông báo chưa đọc",
    );
    expect((await notificationTranslator("en", { strict: true }))("bell.label", { count: 1 })).toBe(
      "1 unread notification",
    );
  });
});

describe("notification links and emails", () => {
  it("builds absolute links with the English prefix only for English readers", () => {
    const base = appBaseUrl({ APP_URL: "https://san.hanoi.gov.vn/" });
    expect(base).toBe("https://san.hanoi.gov.vn");
    expect(absoluteUrl(base, "vi", "/account/offers/1")).toBe("https://san.hanoi.gov.vn/account/offers/1");
    expect(absoluteUrl(base, "en", "/account/offers/1")).toBe("https://san.hanoi.gov.vn/en/account/offers/1");
    expect(absoluteUrl(base, "en", "/")).toBe("https://san.hanoi.gov.vn/en");
    expect(appBaseUrl({ NEXTAUTH_URL: "http://localhost:3001" })).toBe("http://localhost:3001");
    expect(appBaseUrl({})).toBe("http://localhost:3000");
  });

  it("maps unknown stored locales to Vietnamese", () => {
    expect(toNotificationLocale("en")).toBe("en");
    expect(toNotificationLocale("fr")).toBe("vi");
    expect(toNotificationLocale(null)).toBe("vi");
  });

  it("only accepts app paths as links", () => {
    expect(NotificationLinkSchema.safeParse("/account/offers/abc?tab=1").success).toBe(true);
    for (const bad of ["https://evil.example", "//evil.example", "/\\evil.example", "account", "/a b"]) {
      expect(NotificationLinkSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it("writes the email in the recipient's language with greeting, body, link and footer", async () => {
    const input = {
      baseUrl: "https://san.hanoi.gov.vn",
      name: "Trần Thị B",
      type: "listing.rejected",
      params: SAMPLE["listing.rejected"],
      link: "/account/offers/42",
    };
    const vi = renderEmail(await notificationTranslator("vi", { strict: true }), { ...input, locale: "vi" });
    expect(vi.subject).toBe("Tin đăng chưa được duyệt: Máy lọc nước nano");
    expect(vi.body.split("\n")[0]).toBe("Xin chào Trần Thị B,");
    expect(vi.body).toContain("Lý do: Thiếu số bằng sáng chế");
    expect(vi.body).toContain("Xem chi tiết: https://san.hanoi.gov.vn/account/offers/42");
    expect(vi.body).toContain("https://san.hanoi.gov.vn/account/notifications");
    const en = renderEmail(await notificationTranslator("en", { strict: true }), { ...input, locale: "en" });
    expect(en.subject).toBe("Listing not approved: Máy lọc nước nano");
    expect(en.body).toContain("View details: https://san.hanoi.gov.vn/en/account/offers/42");
    expect(en.body).toContain("https://san.hanoi.gov.vn/en/account/notifications");
    const noLink = renderEmail(await notificationTranslator("en"), { ...input, locale: "en", link: null });
    expect(noLink.body).not.toContain("View details");
  });
});
