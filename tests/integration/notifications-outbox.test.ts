import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { MAX_ATTEMPTS, sendPendingEmails } from "@/lib/mail/outbox";
import type { MailTransport, OutgoingMail } from "@/lib/mail/transport";

/** Records every send; fails for the addresses in `failFor`; `delayMs` widens race windows. */
function fakeTransport(options: { failFor?: string[]; delayMs?: number } = {}) {
  const sent: OutgoingMail[] = [];
  const transport: MailTransport = {
    name: "fake",
    async send(mail) {
      if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      if (options.failFor?.includes(mail.to)) throw new Error(`mailbox ${mail.to} unavailable`);
      sent.push(mail);
    },
  };
  return { transport, sent };
}

async function queue(count: number, prefix = "r") {
  const rows = Array.from({ length: count }, (_, i) => ({
    to: `${prefix}${i}@example.vn`,
    subject: `Thông báo ${i}`,
    body: `Nội dung ${i}`,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
  }));
  await db.emailOutbox.createMany({ data: rows });
  return rows;
}

beforeEach(async () => {
  await db.emailOutbox.deleteMany();
});

describe("sendPendingEmails", () => {
  it("sends each pending email once, oldest first, and marks it SENT", async () => {
    await queue(3);
    const { transport, sent } = fakeTransport();
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 3, retrying: 0, failed: 0 });
    expect(sent.map((m) => m.to)).toEqual(["r0@example.vn", "r1@example.vn", "r2@example.vn"]);
    expect(sent[0]).toMatchObject({ subject: "Thông báo 0", text: "Nội dung 0" });
    expect(sent[0]!.from).toContain("no-reply@");
    const rows = await db.emailOutbox.findMany();
    expect(
      rows.every((r) => r.status === "SENT" && r.sentAt !== null && r.attempts === 1 && r.lastError === null),
    ).toBe(true);

    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect(sent).toHaveLength(3);
  });

  it("stops at the limit and leaves the rest for the next run", async () => {
    await queue(5);
    const { transport, sent } = fakeTransport();
    expect((await sendPendingEmails(2, transport)).sent).toBe(2);
    expect(await db.emailOutbox.count({ where: { status: "PENDING" } })).toBe(3);
    await sendPendingEmails(50, transport);
    expect(sent).toHaveLength(5);
  });

  it("records a failure without blocking the others, retries it once per run and gives up after 5", async () => {
    await queue(3);
    const { transport, sent } = fakeTransport({ failFor: ["r1@example.vn"] });
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 2, retrying: 1, failed: 0 });
    let bad = await db.emailOutbox.findFirstOrThrow({ where: { to: "r1@example.vn" } });
    expect(bad).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "mailbox r1@example.vn unavailable",
      sentAt: null,
    });

    for (let run = 2; run < MAX_ATTEMPTS; run++) {
      expect(await sendPendingEmails(50, transport)).toEqual({ sent: 0, retrying: 1, failed: 0 });
    }
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 0, retrying: 0, failed: 1 });
    bad = await db.emailOutbox.findFirstOrThrow({ where: { to: "r1@example.vn" } });
    expect(bad).toMatchObject({ status: "FAILED", attempts: 5 });

    // FAILED is final: no further attempts.
    expect(await sendPendingEmails(50, transport)).toEqual({ sent: 0, retrying: 0, failed: 0 });
    expect((await db.emailOutbox.findFirstOrThrow({ where: { to: "r1@example.vn" } })).attempts).toBe(5);
    expect(sent.map((m) => m.to).sort()).toEqual(["r0@example.vn", "r2@example.vn"]);
  });

  it("never sends the same email twice when two workers run at once", async () => {
    await queue(24);
    const { transport, sent } = fakeTransport({ delayMs: 5 });
    const [a, b] = await Promise.all([sendPendingEmails(50, transport), sendPendingEmails(50, transport)]);
    expect(a.sent + b.sent).toBe(24);
    // Both workers really took part, so the test exercised the lock.
    expect(a.sent).toBeGreaterThan(0);
    expect(b.sent).toBeGreaterThan(0);
    const addresses = sent.map((m) => m.to);
    expect(new Set(addresses).size).toBe(24);
    expect(addresses).toHaveLength(24);
    expect(await db.emailOutbox.count({ where: { status: "SENT" } })).toBe(24);
  });
});
