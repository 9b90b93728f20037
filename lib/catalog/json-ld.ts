/**
 * schema.org structured data for listing pages. `safeJsonLd` makes the JSON safe inside a <script>
 * element: a title such as "</script><script>…" must stay data, so every "<" is escaped.
 */

export type JsonLd = Record<string, unknown>;

export function safeJsonLd(data: JsonLd): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

type Common = { name: string; description: string; url: string; category: string; keywords: string[] };

/** A technology offer as a schema.org Product; the price as an Offer / AggregateOffer when it is not negotiable. */
export function offerJsonLd(
  o: Common & {
    priceType: string;
    priceMin: number | null;
    priceMax: number | null;
    trl: number;
    organization: { name: string; url: string };
    images: string[];
  },
): JsonLd {
  let offers: JsonLd | undefined;
  if (o.priceType === "FIXED" && o.priceMin !== null) {
    offers = { "@type": "Offer", price: o.priceMin, priceCurrency: "VND", url: o.url };
  } else if (o.priceType === "RANGE" && o.priceMin !== null && o.priceMax !== null) {
    offers = {
      "@type": "AggregateOffer",
      lowPrice: o.priceMin,
      highPrice: o.priceMax,
      priceCurrency: "VND",
      url: o.url,
    };
  }
  return {
    "@context": "https://schema.org",
    "@type": "Product",
    name: o.name,
    description: o.description,
    url: o.url,
    category: o.category,
    keywords: o.keywords.join(", "),
    brand: { "@type": "Organization", name: o.organization.name, url: o.organization.url },
    ...(o.images.length ? { image: o.images } : {}),
    additionalProperty: [{ "@type": "PropertyValue", name: "TRL", value: o.trl }],
    ...(offers ? { offers } : {}),
  };
}

/** A technology demand as a schema.org Demand (the counterpart of an Offer). */
export function demandJsonLd(
  d: Common & { budgetMin: number | null; budgetMax: number | null; deadline: string | null },
): JsonLd {
  const price =
    d.budgetMin !== null || d.budgetMax !== null
      ? {
          priceSpecification: {
            "@type": "PriceSpecification",
            priceCurrency: "VND",
            ...(d.budgetMin !== null ? { minPrice: d.budgetMin } : {}),
            ...(d.budgetMax !== null ? { maxPrice: d.budgetMax } : {}),
          },
        }
      : {};
  return {
    "@context": "https://schema.org",
    "@type": "Demand",
    name: d.name,
    description: d.description,
    url: d.url,
    category: d.category,
    keywords: d.keywords.join(", "),
    ...(d.deadline ? { availabilityEnds: d.deadline } : {}),
    ...price,
  };
}
