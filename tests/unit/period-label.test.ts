import { describe, expect, it } from "vitest";
import { customPeriod, monthPeriod, quarterPeriod, yearPeriod } from "@/lib/calendar/periods";
import { periodLabel } from "@/components/oversight/format";
import en from "../../messages/en/oversight.json";
import vi from "../../messages/vi/oversight.json";

/** The console's translator for `oversight.period` in `messages`, with ICU placeholders filled in plainly. */
const translator =
  (messages: typeof vi) =>
  (key: string, values: Record<string, string | number> = {}) =>
    (messages.period as Record<string, string>)[key]!.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name]));
const t = translator(vi);

describe("periodLabel", () => {
  it("names months, quarters and years", () => {
    expect(periodLabel(t, monthPeriod(2026, 10))).toBe(t("monthLabel", { month: 10, year: 2026 }));
    expect(periodLabel(t, quarterPeriod(2026, 4))).toBe(t("quarterLabel", { quarter: 4, year: 2026 }));
    expect(periodLabel(t, yearPeriod(2026))).toBe(t("yearLabel", { year: 2026 }));
  });

  it("writes a custom period's days as dd/mm/yyyy in Vietnamese, and unambiguously (ISO) in English", () => {
    expect(periodLabel(t, customPeriod("2026-01-01", "2026-03-31"))).toBe("01/01/2026 – 31/03/2026");
    expect(periodLabel(t, customPeriod("2025-12-31", "2025-12-31"))).toBe("31/12/2025 – 31/12/2025");
    expect(periodLabel(translator(en), customPeriod("2026-01-02", "2026-03-31"))).toBe("2026-01-02 – 2026-03-31");
  });
});
