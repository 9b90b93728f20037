import { describe, expect, it } from "vitest";
import { foldText, screen, type ScreeningEntryLike } from "@/lib/listings/screening";
import { LISTING_TRANSITIONS, nextStatus, ownerEvents } from "@/lib/listings/state-machine";

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
    for (const event of ownerEvents("SUBMITTED")) expect(LISTING_TRANSITIONS[event].by).toBe("owner");
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
