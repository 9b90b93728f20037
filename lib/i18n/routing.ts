import { defineRouting } from "next-intl/routing";

/** Vietnamese at `/...` (default), English at `/en/...`. */
export const routing = defineRouting({
  locales: ["vi", "en"],
  defaultLocale: "vi",
  localePrefix: "as-needed",
});

export type Locale = (typeof routing.locales)[number];
