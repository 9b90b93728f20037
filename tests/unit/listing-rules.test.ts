import { describe, expect, it } from "vitest";
import { foldText, screen, type ScreeningEntryLike } from "@/lib/listings/screening";
import { toJsonSafe } from "@/lib/audit/chain";
import { DemandInputSchema } from "@/lib/listings/demand-schema";
import { columnsOf } from "@/lib/listings/data";
import { parsePendingRevision } from "@/lib/listings/revision";
import { LISTING_TRANSITIONS, nextStatus, ownerEvents } from "@/lib/listings/state-machine";
import { OfferInputSchema } from "@/lib/listings/offer-schema";
import { offerFormInput } from "../support/offer-input";

const ENTRIES: ScreeningEntryLike[] = [
  { id: "p", category: "PROHIBITED", name: "[Mẫu] Amiăng", sectorCodes: [], keywords: ["amiăng"] },
  { id: "r", category: "RESTRICTED", name: "[Mẫu] Gây nhiễu", sectorCodes: ["202"], keywords: ["thiết bị gây nhiễu"] },
  { id: "e", category: "ENCOURAGED", name: "[Mẫu] Tái tạo", sectorCodes: [], keywords: ["năng lượng tái tạo"] },
];

describe("listing state machine", () => {
  it("follows the DOMAIN workflow", () => {
    expect(nextStatus("DRAFT", "submit")).toBe("SUBMITTED");
    expect(nextStatus("REJECTED", "submit")).toBe("SUBMITTED");
    expect(nextStatus("SUBMITTED", "approve")).toBe("PUBLISHED");
    expect(nextStatus("SUBMITTED", "reject")).toBe("REJECTED");
    expect(nextStatus("PUBLISHED", "expire")).toBe("EXPIRED");
    expect(nextStatus("EXPIRED", "renew")).toBe("PUBLISHED");
    expect(nextStatus("PUBLISHED", "withdraw")).toBe("WITHDRAWN");
    expect(nextStatus("PUBLISHED", "edit")).toBe("PUBLISHED");
  });

  it("refuses every transition not in the table", () => {
    expect(nextStatus("DRAFT", "approve")).toBeNull();
    expect(nextStatus("WITHDRAWN", "renew")).toBeNull();
    expect(nextStatus("EXPIRED", "approve")).toBeNull();
    expect(nextStatus("SUBMITTED", "edit")).toBeNull();
    expect(nextStatus("REJECTED", "expire")).toBeNull();
  });

  it("offers owners only owner events", () => {
    expect(ownerEvents("DRAFT").sort()).toEqual(["edit", "submit"]);
    expect(ownerEvents("PUBLISHED").sort()).toEqual(["edit", "renew", "withdraw"]);
    for (const event of ownerEvents("SUBMITTED")) expect(LISTING_TRANSITIONS[event].by).toContain("owner");
    // Outcomes of a command (a renewal sent to review, a submission blocked by screening) are no buttons.
    expect(ownerEvents("EXPIRED")).toEqual(["renew"]);
    expect(ownerEvents("WITHDRAWN")).toEqual([]);
  });
});

describe("screening", () => {
  const listing = (text: string, sectorCode = "207") => ({ sectorCode, texts: [text], keywords: [] });

  it("folds Vietnamese text for matching", () => {
    expect(foldText("Amiăng-trắng ĐÃ")).toBe(" amiang trang da ");
  });

  it("finds prohibited keywords with or without diacritics, as whole words", () => {
    expect(screen(ENTRIES, listing("Tấm lợp chứa amiăng trắng")).outcome).toBe("PROHIBITED");
    expect(screen(ENTRIES, listing("tam lop chua AMIANG")).outcome).toBe("PROHIBITED");
    expect(screen(ENTRIES, listing("khu vực Amiangxyz")).outcome).toBe("CLEAR");
  });

  it("applies sector-limited entries only in their sectors", () => {
    expect(screen(ENTRIES, listing("thiết bị gây nhiễu sóng", "202")).outcome).toBe("RESTRICTED");
    expect(screen(ENTRIES, listing("thiết bị gây nhiễu sóng", "401")).outcome).toBe("CLEAR");
  });

  it("lets the most severe category decide and lists every match", () => {
    const result = screen(ENTRIES, listing("năng lượng tái tạo thay cho amiăng"));
    expect(result.outcome).toBe("PROHIBITED");
    expect(result.matches.map((m) => m.id)).toEqual(["p", "e"]);
    expect(screen(ENTRIES, listing("điện mặt trời, năng lượng tái tạo")).outcome).toBe("ENCOURAGED");
  });
});

describe("a published listing's pending revision", () => {
  // Stored as updateListing stores it (lib/listings/transactions.ts storedRevision): columns and
  // review facts through toJsonSafe, so amounts are strings and dates ISO strings in the JSON.
  const stored = (columns: Record<string, unknown>, review: Record<string, unknown> = {}) =>
    toJsonSafe({
      ...columns,
      submittedAt: new Date("2026-11-20T08:00:00Z"),
      screening: "RESTRICTED",
      screeningNote: "RESTRICTED: [Mẫu] Gây nhiễu («gây nhiễu»)",
      ...review,
    });
  const offer = columnsOf(
    OfferInputSchema.parse(
      offerFormInput({
        titleVi: "Hệ thống xử lý nước thải phân tán",
        priceType: "RANGE",
        priceMin: "300.000.000",
        priceMax: "500.000.000",
      }),
    ),
  );

  it("reads back the columns as the listing's types and the review facts apart", () => {
    const revision = parsePendingRevision({ status: "PUBLISHED", pendingRevision: stored(offer) });
    expect(revision).not.toBeNull();
    expect(revision?.columns).toMatchObject({ titleVi: offer.titleVi, priceMin: 300_000_000n, priceMax: 500_000_000n });
    expect(revision?.columns).toEqual(offer); // every column, nothing more
    expect(revision).toMatchObject({
      submittedAt: new Date("2026-11-20T08:00:00Z"),
      screening: "RESTRICTED",
      screeningNote: "RESTRICTED: [Mẫu] Gây nhiễu («gây nhiễu»)",
    });
  });

  it("restores a demand's deadline as a date and its budget as amounts", () => {
    const demand = columnsOf(
      DemandInputSchema.parse({
        titleVi: "Cần công nghệ xử lý nước thải thủy sản",
        description: "Nhà máy chế biến cá tra công suất 500 m3/ngày cần hệ thống xử lý nước thải đạt chuẩn.",
        sectorCode: "207",
        keywords: "nước thải",
        trlMin: "6",
        budgetMin: "1000000000",
        budgetMax: "", // an empty form field: stored as null, so approving the revision clears it
        deadline: "2099-06-30",
        location: "HN",
        preferredForms: ["STANDALONE"],
      }),
    );
    const revision = parsePendingRevision({ status: "PUBLISHED", pendingRevision: stored(demand) });
    expect(revision?.columns).toEqual(demand);
    expect(revision?.columns.deadline).toEqual(new Date("2099-06-30T00:00:00Z"));
    expect(revision?.columns.budgetMin).toBe(1_000_000_000n);
    expect(revision?.columns.budgetMax).toBeNull();
  });

  it("keeps only listing columns, and defaults what older revisions lack", () => {
    const revision = parsePendingRevision({
      status: "PUBLISHED",
      pendingRevision: { titleVi: "Bản sửa", organizationId: "x", status: "DRAFT", version: 9 },
    });
    expect(revision).toEqual({
      columns: { titleVi: "Bản sửa" },
      submittedAt: null,
      screening: "CLEAR",
      screeningNote: null,
    });
  });

  it("is none outside a published listing, and none when the stored value is not a revision", () => {
    const json = stored(offer);
    for (const status of ["DRAFT", "SUBMITTED", "REJECTED", "EXPIRED", "WITHDRAWN"]) {
      expect(parsePendingRevision({ status, pendingRevision: json }), status).toBeNull();
    }
    expect(parsePendingRevision({ status: "PUBLISHED", pendingRevision: null })).toBeNull();
    for (const broken of ["text", 42, [], { priceMin: "a lot" }, { screening: "MAYBE" }, { submittedAt: "soon" }]) {
      expect(parsePendingRevision({ status: "PUBLISHED", pendingRevision: broken }), JSON.stringify(broken)).toBeNull();
    }
  });
});
