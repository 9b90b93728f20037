import { safeJsonLd, type JsonLd } from "@/lib/catalog/json-ld";

/** Structured data for search engines; `safeJsonLd` escapes "<" so listing text can never close the script. */
export function JsonLdScript({ data }: { data: JsonLd }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: safeJsonLd(data) }} />;
}
