import { getLocale, getTranslations } from "next-intl/server";
import { locationName } from "@/components/catalog/location-options";
import { catalogTaxonomy } from "@/lib/catalog/taxonomy";
import { Link } from "@/lib/i18n/navigation";
import { pick } from "@/lib/i18n/pick";
import type { Facets } from "@/lib/search/types";

type FacetName = keyof Facets;

// Each facet's key becomes the catalog's own filter parameter, so a count opens the catalog already
// narrowed down (the catalog and the public API share these names).
const PARAMS: Record<FacetName, (key: string) => Record<string, string>> = {
  field: (key) => ({ sector: key }),
  trl: (key) => ({ trlMin: key, trlMax: key }),
  ipStatus: (key) => ({ ip: key }),
  orgType: (key) => ({ orgType: key }),
  location: (key) => ({ location: key }),
  transferForm: (key) => ({ form: key }),
};

const ORDER: Record<"offers" | "demands", FacetName[]> = {
  offers: ["field", "trl", "ipStatus", "orgType", "location", "transferForm"],
  demands: ["field", "trl", "orgType", "location", "transferForm"],
};

/** Facet counts for the current query, as links into the catalog with that filter and the query. */
export async function SearchFacets({
  kind,
  q,
  facets,
  approximate = false,
}: {
  kind: "offers" | "demands";
  q: string;
  facets: Facets;
  approximate?: boolean;
}) {
  const locale = await getLocale();
  const t = await getTranslations("search.facets");
  const te = await getTranslations("enums");
  const to = await getTranslations("orgTypes");
  const taxonomy = await catalogTaxonomy();
  const label = (facet: FacetName, key: string): string => {
    switch (facet) {
      case "field": {
        const field = taxonomy.find((f) => f.code === key);
        return field ? pick(locale, field.nameVi, field.nameEn) : key;
      }
      case "trl":
        return t("trlValue", { level: key });
      case "ipStatus":
        return te.has(`ipStatus.${key}`) ? te(`ipStatus.${key}`) : key;
      case "orgType":
        return to.has(key) ? to(key) : key;
      case "location":
        return key === "HN" ? t("hanoi") : locationName(locale, key);
      case "transferForm":
        return te.has(`transferForm.${key}`) ? te(`transferForm.${key}`) : key;
    }
  };
  const pathname = kind === "offers" ? "/technologies" : "/demands";
  const groups = ORDER[kind].filter((facet) => facets[facet].length > 0);
  if (!groups.length) return null;

  return (
    <section
      aria-labelledby="facets-heading"
      className="space-y-4 rounded-lg border border-border bg-white p-4 shadow-sm"
      data-testid="search-facets"
    >
      <div>
        <h2 id="facets-heading" className="text-base font-semibold">
          {t("heading")}
        </h2>
        <p className="text-xs text-muted">{t("hint")}</p>
        {approximate && <p className="text-xs text-muted">{t("approximateHint")}</p>}
      </div>
      {groups.map((facet) => (
        <div key={facet}>
          <h3 id={`facet-${facet}`} className="text-sm font-semibold">
            {t(facet)}
          </h3>
          <ul aria-labelledby={`facet-${facet}`} className="mt-1 space-y-0.5 text-sm">
            {facets[facet].map((bucket) => (
              <li key={bucket.key}>
                <Link
                  href={{ pathname, query: { q, ...PARAMS[facet](bucket.key) } }}
                  className="inline-block rounded px-1 py-0.5 text-brand-700 hover:bg-brand-50 hover:underline"
                >
                  {t(approximate ? "bucketApproximate" : "bucket", {
                    label: label(facet, bucket.key),
                    count: bucket.count,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
