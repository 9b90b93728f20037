/**
 * Issue 13 items 3–4: the Department's targets (validated, audited, officers only), the review's
 * XLSX and CSV carrying the same numbers, and supervision flags (officer raises, operator answers,
 * officer closes; every step audited and told; stale steps refused) — on real PostgreSQL.
 */
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { systemContext } from "@/lib/audit/context";
import { db } from "@/lib/db";
import { reviewCsv, reviewXlsx, type ReviewLabels } from "@/lib/kpi/export";
import { kpiOverview } from "@/lib/kpi/overview";
import { monthPeriod } from "@/lib/calendar/periods";
import { reviewRows } from "@/lib/kpi/review";
import { deleteTarget, setTarget } from "@/lib/kpi/targets";
import { listFlags, openFlagCount, raiseFlag, takeFlagStep } from "@/lib/oversight/flags";
import { buildOffer, createOrganization, createUser, ensureTaxonomy } from "../factories";
import { codeOf } from "../support/deals";

const ctx = systemContext("test:oversight");
type User = Awaited<ReturnType<typeof createUser>>;
let officer: User;
let operator: User;
let auditor: User;
let provider: User;
let seeker: User;
let intermediary: User;
let offerId: string;

beforeAll(async () => {
  await ensureTaxonomy(db);
  const uni = await createOrganization(db, { type: "UNIVERSITY" });
  officer = await createUser(db, { roles: ["OFFICER"] });
  operator = await createUser(db, { roles: ["OPERATOR"] });
  auditor = await createUser(db, { roles: ["AUDITOR"] });
  provider = await createUser(db, { roles: ["PROVIDER"], organizationId: uni.id });
  seeker = await createUser(db, { roles: ["SEEKER"] });
  intermediary = await createUser(db, { roles: ["INTERMEDIARY"] });
  offerId = (await db.offer.create({ data: buildOffer(uni.id, provider.id) })).id;
});

describe("targets", () => {
  it("an officer sets, changes and removes a target; each change is audited with before and after", async () => {
    const row = await setTarget(ctx, officer, { metric: "offers_new", period: "2026-10", target: "12" });
    expect(row).toMatchObject({ metric: "offers_new", period: "2026-10", target: 12, comparator: "gte" });
    await setTarget(ctx, officer, { metric: "offers_new", period: "2026-10", target: 15, note: "Theo kế hoạch quý" });
    const events = await db.auditEvent.findMany({
      where: { entityId: row.id, action: "kpi.target_set" },
      orderBy: { seq: "asc" },
    });
    expect(events).toHaveLength(2);
    expect(events[1]?.before).toMatchObject({ target: 12 });
    expect(events[1]?.after).toMatchObject({ target: 15, note: "Theo kế hoạch quý" });
    expect(await db.kpiTarget.count({ where: { metric: "offers_new", period: "2026-10" } })).toBe(1);
    // A duration is better lower: its default condition is "at most".
    expect(
      await setTarget(ctx, officer, { metric: "moderation_working_days_median", period: "2026-Q4", target: 2 }),
    ).toMatchObject({ comparator: "lte" });
    await deleteTarget(ctx, officer, row.id);
    expect(await db.kpiTarget.count({ where: { id: row.id } })).toBe(0);
  });

  it("refuses bad input with a clear reason and writes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ metric: "salary", period: "2026-10", target: 1 }, "validation:invalid_metric"],
      [{ metric: "complaint_resolution_days_median", period: "2026-10", target: 1 }, "validation:invalid_metric"],
      [{ metric: "offers_new", period: "2026-10-01..2026-10-15", target: 1 }, "validation:invalid_period"],
      [{ metric: "offers_new", period: "2026-13", target: 1 }, "validation:invalid_period"],
      [{ metric: "offers_new", period: "2026-10", target: "nhiều" }, "validation:target_number"],
      [{ metric: "offers_new", period: "2026-10", target: -1 }, "validation:target_not_negative"],
      [{ metric: "moderation_on_time_share", period: "2026-10", target: 120 }, "validation:target_percent"],
    ];
    const before = await db.kpiTarget.count();
    for (const [input, code] of cases) {
      expect(await codeOf(setTarget(ctx, officer, input as never)), JSON.stringify(input)).toBe(code);
    }
    expect(await db.kpiTarget.count()).toBe(before);
  });

  it("is the Department's: the operator, the auditor and the parties are refused", async () => {
    for (const user of [operator, auditor, provider, seeker, intermediary]) {
      expect(await codeOf(setTarget(ctx, user, { metric: "offers_new", period: "2026-10", target: 1 }))).toBe(
        "forbidden:forbidden",
      );
    }
  });
});

describe("the review", () => {
  it("shows a target met or missed against the actual, and its XLSX and CSV carry the same numbers", async () => {
    const period = monthPeriod(2026, 9);
    const now = new Date("2026-11-24T03:00:00Z");
    const actual = (await kpiOverview(officer, period, { now })).items.find((i) => i.metric === "offers_new")!;
    await setTarget(ctx, officer, { metric: "offers_new", period: "2026-09", target: (actual.value.value ?? 0) + 100 });
    await setTarget(ctx, officer, { metric: "organizations_verified", period: "2026-09", target: 0 });
    const rows = reviewRows(await kpiOverview(officer, period, { now }));
    expect(rows.find((r) => r.metric === "offers_new")).toMatchObject({ status: "missed" });
    expect(rows.find((r) => r.metric === "organizations_verified")).toMatchObject({ status: "met" });

    const labels: ReviewLabels = {
      title: "Đánh giá",
      period: "2026-09",
      generated: "now",
      sheet: "Đánh giá",
      headers: ["Chỉ số", "Đơn vị", "Giá trị", "Kỳ trước", "Thay đổi", "Dự báo", "Chỉ tiêu", "Điều kiện", "Đánh giá"],
      metric: (r) => r.metric,
      unit: (u) => u,
      status: (r) => r.status ?? "",
      comparator: (r) => r.comparator ?? "",
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await reviewXlsx(rows, labels)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const fromXlsx = new Map<string, unknown[]>();
    sheet.eachRow((row, n) => {
      if (n > 5)
        fromXlsx.set(
          String(row.getCell(1).value),
          [3, 4, 5, 6, 7].map((c) => row.getCell(c).value ?? null),
        );
    });
    const fromCsv = new Map(
      reviewCsv(rows, labels)
        .trim()
        .split("\r\n")
        .slice(1)
        .map((line) => line.split(","))
        .map((cells) => [cells[0]!, cells.slice(2, 7).map((c) => (c === "" ? null : Number(c)))]),
    );
    expect(fromXlsx.size).toBe(rows.length);
    for (const row of rows) {
      const expected = [row.value, row.previous, row.change, row.forecast, row.target];
      expect(fromXlsx.get(row.metric), row.metric).toEqual(expected);
      expect(fromCsv.get(row.metric), row.metric).toEqual(expected);
    }
  });
});

describe("supervision flags", () => {
  it("an officer flags a listing, the operator answers, the officer closes; everyone is told, everything audited", async () => {
    const open = await openFlagCount(officer);
    const { id } = await raiseFlag(ctx, officer, {
      entityType: "offer",
      entityId: offerId,
      note: "Đề nghị kiểm tra lại tình trạng bằng sáng chế.",
    });
    expect(await openFlagCount(operator)).toBe(open + 1);
    expect(await db.notification.count({ where: { userId: operator.id, type: "flag.raised" } })).toBe(1);

    expect(await codeOf(takeFlagStep(ctx, operator, id, 1, { event: "answer", answer: "  " }))).toBe(
      "validation:answer_required",
    );
    await takeFlagStep(ctx, operator, id, 1, {
      event: "answer",
      answer: "Đã đối chiếu với Cục Sở hữu trí tuệ: còn hiệu lực.",
    });
    expect(await db.notification.count({ where: { userId: officer.id, type: "flag.answered" } })).toBe(1);
    // A step on the version seen before the answer is refused.
    expect(await codeOf(takeFlagStep(ctx, officer, id, 1, { event: "close" }))).toBe("conflict:conflict");
    await takeFlagStep(ctx, officer, id, 2, { event: "close" });
    const flag = await db.flag.findUniqueOrThrow({ where: { id } });
    expect(flag).toMatchObject({ state: "CLOSED", answeredById: operator.id, closedById: officer.id });
    const actions = (await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { seq: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["flag.create", "flag.answer", "flag.close"]);
    expect((await listFlags(officer, { state: "all", entityId: offerId })).items.map((f) => f.id)).toContain(id);
  });

  it("refuses a missing record, the auditor, the parties, and steps out of turn", async () => {
    expect(
      await codeOf(
        raiseFlag(ctx, officer, { entityType: "deal", entityId: "00000000-0000-4000-8000-000000000000", note: "x" }),
      ),
    ).toBe("not_found:not_found");
    for (const user of [auditor, operator, provider, seeker, intermediary]) {
      expect(await codeOf(raiseFlag(ctx, user, { entityType: "offer", entityId: offerId, note: "x" }))).toMatch(
        /^forbidden/,
      );
    }
    const { id } = await raiseFlag(ctx, officer, { entityType: "offer", entityId: offerId, note: "Kiểm tra giá." });
    for (const user of [auditor, provider, seeker]) {
      expect(await codeOf(takeFlagStep(ctx, user, id, 1, { event: "close" }))).toMatch(/^forbidden/);
    }
    // The officer cannot answer, the operator cannot close.
    expect(await codeOf(takeFlagStep(ctx, officer, id, 1, { event: "answer", answer: "Tự trả lời" }))).toMatch(
      /^invalid_state/,
    );
    expect(await codeOf(takeFlagStep(ctx, operator, id, 1, { event: "close" }))).toMatch(/^invalid_state/);
    for (const user of [provider, seeker, intermediary]) {
      expect(await codeOf(listFlags(user))).toBe("forbidden:forbidden");
    }
  });
});
