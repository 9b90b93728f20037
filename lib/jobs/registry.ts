import "server-only";
import { verifyAndCheckpoint } from "@/lib/audit/checkpoints";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { sweepMatches } from "@/lib/matching/mutations";
import { sendPendingEmails } from "@/lib/mail/outbox";
import { refreshSearchWords } from "@/lib/search/words";
import { purgeSecurityLog } from "@/lib/security/log";

/** A recurring background job: `cron` runs in Asia/Ho_Chi_Minh time. */
export interface JobDefinition {
  /** Queue name in pg-boss (letters, digits, ".", "-", "_"). */
  name: string;
  cron: string;
  /** Runs once per tick on one worker; a thrown error marks that run failed (the next tick runs again). */
  handler: () => Promise<unknown>;
}

/**
 * Every recurring job of the exchange. Add a job here and both the web process (instrumentation.ts)
 * and `npm run worker` schedule and work it; nothing else needs registering.
 */
export const JOBS: JobDefinition[] = [
  {
    name: "mail.send-outbox",
    cron: "* * * * *",
    handler: async () => {
      const run = await sendPendingEmails();
      // Nothing to report on an idle minute keeps the log readable.
      return run.sent + run.retrying + run.failed > 0 ? run : undefined;
    },
  },
  {
    // Expiry after 12 months, pre-expiry warnings and quarterly update reminders (02:00 Hanoi time).
    name: "listings.lifecycle",
    cron: "0 2 * * *",
    handler: () => runListingLifecycle(),
  },
  {
    // Listings published or edited since their matches were computed (usually within a minute).
    name: "matching.sweep",
    cron: "* * * * *",
    handler: async () => {
      const run = await sweepMatches();
      return run.recomputed > 0 ? run : undefined;
    },
  },
  {
    // The title vocabulary behind spelling correction learns new listings' words within minutes.
    name: "search.refresh-words",
    cron: "*/5 * * * *",
    handler: () => refreshSearchWords(),
  },
  {
    // Verifies the whole audit chain and checkpoints its head outside the audit table (01:30).
    name: "audit.checkpoint",
    cron: "30 1 * * *",
    handler: async () => {
      const verdict = await verifyAndCheckpoint("nightly");
      if (!verdict.ok) throw new Error(`audit chain broken at #${verdict.brokenAt}: ${verdict.problem}`);
      return { checked: verdict.checked, head: verdict.lastSeq };
    },
  },
  {
    // Security log entries older than 12 months (Decree 53/2022 keeps them at least that long).
    name: "security.purge-log",
    cron: "15 3 * * *",
    handler: () => purgeSecurityLog(),
  },
];
