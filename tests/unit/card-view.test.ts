import { describe, expect, it } from "vitest";
import { type ListingCardView, packCards, unpackCards } from "@/components/catalog/card-view";

const card = (
  slug: string,
  badges: ListingCardView["badges"],
  summary: string | null = "Tóm tắt",
): ListingCardView => ({
  href: `/en/technologies/${slug}`,
  title: `Title ${slug}`,
  summary,
  badges,
  org: "Viện Cơ điện tử",
  terms: "Giá thỏa thuận · Cập nhật 22/11/2026",
});

describe("cards packed for the RSC payload", () => {
  const cards = [
    card("a", [
      ["brand", "Thủy sản"],
      ["info", "TRL 8"],
      ["success", "Đã xác thực"],
    ]),
    card("b", [
      ["brand", "Dược học"],
      ["info", "TRL 8"],
      ["success", "Đã xác thực"],
      ["warning", "Khuyến khích chuyển giao"],
    ]),
    card("c", [["info", "Đã xác thực"]], null),
  ];

  it("come back as they were, in order", () => {
    expect(unpackCards(packCards(cards))).toEqual(cards);
    expect(unpackCards(packCards([]))).toEqual([]);
  });

  it("carry each distinct badge and the hrefs' common directory once", () => {
    const packed = packCards(cards);
    expect(packed.base).toBe("/en/technologies/");
    expect(packed.rows.map((row) => row[0])).toEqual(["a", "b", "c"]);
    // The same text in another tone is another badge.
    expect(packed.badges).toHaveLength(6);
    expect(packed.rows[1]![3]).toEqual([3, 1, 2, 4]);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(cards).length);
  });

  it("keep whole hrefs that share no directory", () => {
    const mixed = [card("a", []), { ...card("b", []), href: "/demands/b" }];
    const packed = packCards(mixed);
    expect(packed.base).toBe("/");
    expect(unpackCards(packed)).toEqual(mixed);
  });
});
