import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { JOBS, JOBS_SCHEMA, startJobs, stopJobs } from "@/lib/jobs";

// No SMTP in tests: the outbox job writes emails to the log, which this test watches.
delete process.env.SMTP_URL;

const lines: string[] = [];
const log = (line: string) => lines.push(line);

async function query<T extends pg.QueryResultRow>(sql: string) {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("timed out");
}

afterAll(async () => {
  await stopJobs({ graceful: false });
});

describe("background jobs", () => {
  it("registers the outbox job to run every minute", () => {
    expect(JOBS.find((job) => job.name === "mail.send-outbox")).toMatchObject({ cron: "* * * * *" });
  });

  it("starts pg-boss once, schedules every job in Hanoi time and works mail.send-outbox", async () => {
    const boss = await startJobs({ log, pollingIntervalSeconds: 0.5 });
    expect(await startJobs({ log })).toBe(boss); // a second start in the same process is the same instance

    const schedules = await query<{ name: string; cron: string; timezone: string }>(
      `SELECT name, cron, timezone FROM ${JOBS_SCHEMA}.schedule ORDER BY name`,
    );
    expect(schedules).toEqual(
      JOBS.map((job) => ({ name: job.name, cron: job.cron, timezone: "Asia/Ho_Chi_Minh" })).sort((a, b) =>
        a.name.localeCompare(b.name),
      ),
    );
    const queues = await query<{ name: string; policy: string }>(`SELECT name, policy FROM ${JOBS_SCHEMA}.queue`);
    expect(queues).toContainEqual({ name: "mail.send-outbox", policy: "stately" });

    const email = await db.emailOutbox.create({
      data: { to: "job@example.vn", subject: "Kiểm tra", body: "Nội dung" },
    });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      expect(await boss.send("mail.send-outbox", {})).toBeTruthy();
      await waitFor(
        async () => (await db.emailOutbox.findUniqueOrThrow({ where: { id: email.id } })).status === "SENT",
      );
      expect(info.mock.calls.map((call) => String(call[0])).join("\n")).toContain("[mail] to: job@example.vn");
      await waitFor(async () => lines.some((line) => line.startsWith('mail.send-outbox: {"sent":1')));
    } finally {
      info.mockRestore();
    }
  });

  it("stops pg-boss, and can start it again afterwards", async () => {
    const first = await startJobs({ log, pollingIntervalSeconds: 0.5 });
    await stopJobs({ graceful: false });
    const second = await startJobs({ log, pollingIntervalSeconds: 0.5 });
    expect(second).not.toBe(first);
    await stopJobs();
  });
});
