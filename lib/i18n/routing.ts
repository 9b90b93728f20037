import { defineRouting } from "next-intl/routing";

/** Vietnamese at `/...` (default), English at `/en/...`. */
export const routing = defineRouting({
  locales: ["vi", "en"],
  defaultLocale: "vi",
  localePrefix: "as-needed",
  // "/" is always Vietnamese; English is an explicit choice (/en), never guessed from the browser.
  localeDetection: false,
});

export type Locale = (typeof routing.locales)[number];
