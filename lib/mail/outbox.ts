import "server-only";
import { pool } from "@/lib/db";
import { env } from "@/lib/env";
import { mailTransport, type MailTransport } from "./transport";

/** After this many failed attempts an email is marked FAILED and no longer retried. */
export const MAX_ATTEMPTS = 5;

export interface OutboxRun {
  sent: number;
  /** Failed this time, will be retried on a later run. */
  retrying: number;
  /** Failed for the last time (MAX_ATTEMPTS reached). */
  failed: number;
}

interface OutboxRow {
  id: string;
  to: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * Sends up to `limit` PENDING emails from the outbox, oldest first. Each email is taken in its own
 * short transaction with `FOR UPDATE SKIP LOCKED`, so any number of workers can run this at once
 * without sending an email twice, and a slow or failing email never holds up the others. A
 * failure increments `attempts` and records `last_error`; the fifth failure marks the row FAILED.
 * An email that fails is not retried within the same run (the next run, a minute later, retries).
 * Delivery is at-least-once: a crash between the SMTP "250" and the commit can resend one email.
 */
export async function sendPendingEmails(
  limit = 50,
  transport: MailTransport = mailTransport(env().SMTP_URL),
): Promise<OutboxRun> {
  const from = env().MAIL_FROM;
  const run: OutboxRun = { sent: 0, retrying: 0, failed: 0 };
  const tried: string[] = [];
  while (tried.length < limit) {
    const client = await pool().connect();
    try {
      await client.query("BEGIN");
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, "to", subject, body, attempts FROM email_outbox
          WHERE status = 'PENDING' AND NOT (id = ANY($1::uuid[]))
          ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [tried],
      );
      const row = rows[0];
      if (!row) {
        await client.query("COMMIT");
        break;
      }
      tried.push(row.id);
      try {
        await transport.send({ from, to: row.to, subject: row.subject, text: row.body });
        await client.query(
          `UPDATE email_outbox SET status = 'SENT', sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = $1`,
          [row.id],
        );
        run.sent++;
      } catch (error) {
        const attempts = row.attempts + 1;
        const status = attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING";
        const message = error instanceof Error ? error.message : String(error);
        await client.query(
          `UPDATE email_outbox SET status = $2::"OutboxStatus", attempts = $3, last_error = $4 WHERE id = $1`,
          [row.id, status, attempts, message.slice(0, 2000)],
        );
        if (status === "FAILED") run.failed++;
        else run.retrying++;
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
  return run;
}
