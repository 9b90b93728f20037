import { describe, expect, it } from "vitest";
import { demandJsonLd, offerJsonLd, safeJsonLd } from "@/lib/catalog/json-ld";

const base = { name: "A", description: "B", url: "https://x.vn/technologies/a", category: "C", keywords: ["k1", "k2"] };

describe("JSON-LD", () => {
  it("cannot close its script element", () => {
    const text = safeJsonLd({ name: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("<");
    expect(JSON.parse(text)).toEqual({ name: "</script><script>alert(1)</script>" });
  });

  it("describes an offer as a Product with its price", () => {
    const common = { ...base, trl: 6, organization: { name: "Org", url: "https://x.vn/organizations/o" }, images: [] };
    const range = offerJsonLd({ ...common, priceType: "RANGE", priceMin: 1, priceMax: 2 });
    expect(range).toMatchObject({
      "@type": "Product",
      offers: { "@type": "AggregateOffer", lowPrice: 1, highPrice: 2, priceCurrency: "VND" },
    });
    expect(offerJsonLd({ ...common, priceType: "FIXED", priceMin: 5, priceMax: null }).offers).toMatchObject({
      "@type": "Offer",
      price: 5,
    });
    expect(offerJsonLd({ ...common, priceType: "NEGOTIABLE", priceMin: null, priceMax: null })).not.toHaveProperty(
      "offers",
    );
  });

  it("describes a demand as a Demand with its budget and deadline", () => {
    const ld = demandJsonLd({ ...base, budgetMin: 10, budgetMax: null, deadline: "2026-12-31" });
    expect(ld).toMatchObject({
      "@type": "Demand",
      availabilityEnds: "2026-12-31",
      priceSpecification: { minPrice: 10 },
    });
    expect(ld.priceSpecification).not.toHaveProperty("maxPrice");
  });
});
