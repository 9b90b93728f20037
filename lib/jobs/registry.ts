import "server-only";
import { verifyAndCheckpoint } from "@/lib/audit/checkpoints";
import { systemContext } from "@/lib/audit/context";
import { audited } from "@/lib/audit/mutations";
import { notify } from "@/lib/notifications/mutations";
import { purgeLoginAttempts } from "@/lib/auth/login";
import { purgeUserTokens } from "@/lib/auth/tokens";
import { expireDeals } from "@/lib/deals/mutations";
import { sendRegistrationReminders } from "@/lib/deals/registrations";
import { purgeOrphanUploads } from "@/lib/files/cleanup";
import { runListingLifecycle } from "@/lib/listings/lifecycle";
import { sweepMatches } from "@/lib/matching/mutations";
import { sendPendingEmails } from "@/lib/mail/outbox";
import { sendSavedSearchDigests } from "@/lib/saved-searches/digest";
import { refreshSearchWords } from "@/lib/search/words";
import { purgeSecurityLog } from "@/lib/security/log";
import { kpiRollupsJob } from "./kpi-rollups";

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
      if (!verdict.ok) {
        // Officers and auditors are told at once (issue #13 item 5), and the failure is itself audited.
        await audited(systemContext("job:audit.checkpoint"), async (tx) => {
          await notify(tx, {
            roles: ["OFFICER", "AUDITOR"],
            type: "audit.chain_broken",
            params: { seq: verdict.brokenAt, problem: verdict.problem },
            link: "/admin/audit/verify",
          });
          return {
            result: null,
            audit: {
              action: "audit.verify",
              entityType: "audit_log",
              after: { ok: false, brokenAt: verdict.brokenAt, problem: verdict.problem, source: "nightly" },
            },
          };
        });
        throw new Error(`audit chain broken at #${verdict.brokenAt}: ${verdict.problem}`);
      }
      return { checked: verdict.checked, head: verdict.lastSeq };
    },
  },
  {
    // Security log entries older than 12 months (Decree 53/2022 keeps them at least that long).
    name: "security.purge-log",
    cron: "15 3 * * *",
    handler: () => purgeSecurityLog(),
  },
  {
    // Sign-in attempts only feed the rate limiter: gone once they are older than its windows.
    name: "auth.purge-login-attempts",
    cron: "10 3 * * *",
    handler: () => purgeLoginAttempts(),
  },
  {
    // Used or expired e-mail verification and password-reset links.
    name: "accounts.purge-tokens",
    cron: "5 3 * * *",
    handler: () => purgeUserTokens(),
  },
  {
    // Expressions of interest nobody answered within 10 days expire and their sender is told. Hourly:
    // the guard already refuses an answer once the 10 days are over, so the job only tidies up.
    name: "deals.expire",
    cron: "7 * * * *",
    handler: async () => {
      const run = await expireDeals();
      return run.expired > 0 ? run : undefined;
    },
  },
  {
    // Signed contracts whose registration is mandatory and not filed: reminders on days 60, 80 and
    // 88 after signing (08:00 Hanoi time), each once.
    name: "deals.registration-reminders",
    cron: "0 8 * * *",
    handler: async () => {
      const run = await sendRegistrationReminders();
      return run.reminded > 0 ? run : undefined;
    },
  },
  {
    // Saved searches: each one's listings published since its last e-mail, mailed to its owner
    // (issue #15 item 1). Mondays at 07:00 Hanoi time, before the working week starts.
    name: "saved-searches.weekly",
    cron: "0 7 * * 1",
    handler: () => sendSavedSearchDigests(),
  },
  {
    // Uploaded bytes whose row never committed (a crash mid-upload), once they are an hour old.
    name: "files.purge-orphans",
    cron: "20 * * * *",
    handler: async () => {
      const run = await purgeOrphanUploads();
      return Object.values(run).some((n) => typeof n === "number" && n > 0) ? run : undefined;
    },
  },
  kpiRollupsJob,
];
