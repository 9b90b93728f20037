import { z } from "zod";
import { LISTING_KINDS } from "@/lib/listings/kinds";

/** The body of `POST /api/listings/view`: which listing was opened. Nothing else is accepted. */
export const ViewReportSchema = z.strictObject({
  kind: z.enum(LISTING_KINDS, { error: 'kind must be "offer" or "demand"' }),
  id: z.uuid({ error: "id must be a listing id (UUID)" }),
});

export type ViewReport = z.infer<typeof ViewReportSchema>;

/**
 * User agents that are not a person reading a listing, matched case-insensitively anywhere in the
 * User-Agent header. Most crawlers never run the page's script, so they never report a view at all;
 * this list catches the ones that do (or that post to the route themselves):
 * - crawlers and link previews: `bot` (Googlebot, bingbot, AhrefsBot, Zalo's and Facebook's bots…),
 *   `crawl`, `spider`, `slurp` (Yahoo), `facebookexternalhit`, `embedly`, `preview`, `feedfetcher`,
 *   `mediapartners`, `archiver`;
 * - browsers driven by programs: `headless` (HeadlessChrome: Playwright, Puppeteer), `lighthouse`
 *   (Chrome-Lighthouse, PageSpeed), `pagespeed`, `phantomjs`, `selenium`, `webdriver`, `puppeteer`,
 *   `playwright`, `electron`;
 * - HTTP libraries and tools: `curl`, `wget`, `python`, `java/`, `okhttp`, `axios`, `node-fetch`,
 *   `undici`, `go-http-client`, `libwww`, `httpclient`, `scrapy`, `postman`, `insomnia`;
 * - monitors and checkers: `monitor`, `uptime`, `pingdom`, `check`, `validator`.
 * A request without a User-Agent is not counted either.
 */
export const BOT_USER_AGENT =
  /bot|crawl|spider|slurp|facebookexternalhit|embedly|preview|feedfetcher|mediapartners|archiver|headless|lighthouse|pagespeed|phantomjs|selenium|webdriver|puppeteer|playwright|electron|curl|wget|python|java\/|okhttp|axios|node-fetch|undici|go-http-client|libwww|httpclient|scrapy|postman|insomnia|monitor|uptime|pingdom|check|validator/i;

/** Whether a request with this User-Agent is left out of the view counts. */
export function isBotUserAgent(userAgent: string | null | undefined): boolean {
  const value = userAgent?.trim() ?? "";
  return value === "" || BOT_USER_AGENT.test(value);
}
