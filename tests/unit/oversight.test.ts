import { describe, expect, it } from "vitest";
import { FlagState } from "@/lib/generated/prisma/enums";
import { csvCell } from "@/lib/csv";
import { reviewCsv, type ReviewLabels } from "@/lib/kpi/export";
import { consoleQuery, consoleSearch } from "@/lib/kpi/query";
import { roundFor, statusSummary, type ReviewRow } from "@/lib/kpi/review";
import { FLAG_MACHINE, flagEvents, type FlagActor } from "@/lib/oversight/flag-machine";
import { checkMachine } from "../support/machine-grid";

describe("the supervision flag machine", () => {
  const ACTORS: FlagActor[] = ["officer", "operator"];
  const TABLE = `
    event  | by       | OPEN     | ANSWERED | CLOSED
    answer | operator | ANSWERED | -        | -
    reopen | officer  | -        | OPEN     | -
    close  | officer  | CLOSED   | CLOSED   | -
  `;

  it("is exactly this table", () => {
    expect(checkMachine(FLAG_MACHINE, TABLE, Object.values(FlagState), ACTORS)).toBe(3 * 3 * 2);
  });

  it("is raised by officers only, and offers each side its own steps", () => {
    expect(FLAG_MACHINE.initial).toEqual({ state: "OPEN", by: ["officer"] });
    expect(flagEvents("OPEN", "operator")).toEqual(["answer"]);
    expect(flagEvents("OPEN", "officer")).toEqual(["close"]);
    expect(flagEvents("ANSWERED", "officer")).toEqual(["reopen", "close"]);
    expect(flagEvents("CLOSED", "officer")).toEqual([]);
  });
});

describe("the console's URL", () => {
  const now = new Date("2026-11-24T03:00:00Z");

  it("reads a month, a quarter, a year or a custom range, and falls back to this month on nonsense", () => {
    expect(consoleQuery({ period: "2026-Q3" }, now).period.key).toBe("2026-Q3");
    expect(consoleQuery({ period: "2025" }, now).period.key).toBe("2025");
    expect(consoleQuery({ from: "2026-10-01", to: "2026-11-15" }, now).period.key).toBe("2026-10-01..2026-11-15");
    const bad = consoleQuery({ period: "2026-13" }, now);
    expect(bad).toMatchObject({ invalid: true, period: { key: "2026-11" } });
    expect(consoleQuery({}, now)).toMatchObject({ invalid: false, period: { key: "2026-11" } });
  });

  it("keeps valid filters and a known breakdown, and refuses the rest", () => {
    expect(
      consoleQuery({ field: "2", district: "HN-CAUGIAY", orgType: "UNIVERSITY", breakdown: "field" }, now),
    ).toMatchObject({
      filter: { field: "2", district: "HN-CAUGIAY", orgType: "UNIVERSITY" },
      breakdown: "field",
    });
    expect(consoleQuery({ field: "'; drop", breakdown: "salary" }, now)).toMatchObject({
      invalid: true,
      breakdown: null,
    });
  });

  it("writes the same parameters back", () => {
    const { period, filter } = consoleQuery({ period: "2026-11", field: "2" }, now);
    expect(consoleSearch(period, filter, { metric: "offers_new" })).toBe("?period=2026-11&field=2&metric=offers_new");
    const custom = consoleQuery({ from: "2026-10-01", to: "2026-11-15" }, now).period;
    expect(consoleSearch(custom)).toBe("?from=2026-10-01&to=2026-11-15");
  });
});

describe("the review's exports", () => {
  it("rounds as the page shows: counts and VND whole, durations and shares to one decimal", () => {
    expect(roundFor("count", 12.6)).toBe(13);
    expect(roundFor("vnd", 800_000_000.4)).toBe(800_000_000);
    expect(roundFor("percent", 66.666)).toBe(66.7);
    expect(roundFor("working_days", 1.25)).toBe(1.3);
    expect(roundFor("days", null)).toBeNull();
  });

  it("quotes CSV cells and defuses formulas", () => {
    expect(csvCell("Tỷ lệ, đúng hạn")).toBe('"Tỷ lệ, đúng hạn"');
    expect(csvCell('Nói "có"')).toBe('"Nói ""có"""');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });

  it("writes a BOM, the headers and one line per indicator with the page's numbers", () => {
    const rows: ReviewRow[] = [
      {
        metric: "offers_new",
        unit: "count",
        value: 12,
        previous: 10,
        change: 2,
        forecast: 13,
        target: 10,
        comparator: "gte",
        status: "met",
      },
      {
        metric: "moderation_on_time_share",
        unit: "percent",
        value: 87.5,
        previous: null,
        change: null,
        forecast: null,
        target: 95,
        comparator: "gte",
        status: "at_risk",
      },
    ];
    const labels: ReviewLabels = {
      title: "T",
      period: "P",
      generated: "G",
      sheet: "S",
      headers: ["Chỉ số", "Đơn vị", "Giá trị", "Kỳ trước", "Thay đổi", "Dự báo", "Chỉ tiêu", "Điều kiện", "Đánh giá"],
      metric: (r) => r.metric,
      unit: (u) => u,
      status: (r) => r.status ?? "",
      comparator: (r) => r.comparator ?? "",
    };
    const csv = reviewCsv(rows, labels);
    expect(csv.startsWith("\uFEFFChỉ số,Đơn vị,")).toBe(true);
    expect(csv.split("\r\n")[1]).toBe("offers_new,count,12,10,2,13,10,gte,met");
    expect(csv.split("\r\n")[2]).toBe("moderation_on_time_share,percent,87.5,,,,95,gte,at_risk");
    expect(statusSummary(rows)).toEqual({ met: 1, atRisk: 1, missed: 0, none: 0 });
  });
});

describe("a finished period's report in the data cache", () => {
  it("comes back with its dates and exact VND amounts", async () => {
    const { parseReport, serializeReport } = await import("@/lib/kpi/cache");
    const { monthPeriod } = await import("@/lib/calendar/periods");
    const period = monthPeriod(2026, 10);
    const report = {
      period,
      filter: {},
      asOf: period.to,
      values: { contracts_value_total: { value: 9007199254740993, amount: 9007199254740993n } },
      breakdown: null,
    } as never;
    const back = parseReport(serializeReport(report)) as unknown as {
      period: { from: Date };
      asOf: Date;
      values: { contracts_value_total: { amount: bigint } };
    };
    expect(back.period.from).toEqual(period.from);
    expect(back.asOf).toBeInstanceOf(Date);
    expect(back.values.contracts_value_total.amount).toBe(9007199254740993n);
  });
});
