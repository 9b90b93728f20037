import "server-only";
import { WindowLimiter } from "@/lib/security/beacon";

/** View reports accepted per client address and window; beyond, the route answers 429. */
export const VIEW_REPORTS_PER_WINDOW = 60;
export const VIEW_REPORT_WINDOW_MS = 60_000;

/**
 * Sixty a minute is far more than a person opens listings, and few enough that one address cannot
 * inflate a listing's count by much. Nothing personal is kept (lib/security/beacon.ts).
 */
const limiter = new WindowLimiter(VIEW_REPORTS_PER_WINDOW, VIEW_REPORT_WINDOW_MS);

/** Whether one more view report from `ip` is allowed now (counted when it is). */
export const allowViewReport = (ip: string | null, now = Date.now()) => limiter.allow(ip, now);

/** Forgets every window (tests). */
export const resetViewReportLimiter = () => limiter.reset();
