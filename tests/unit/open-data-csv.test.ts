import { describe, expect, it } from "vitest";
import { BOM, csvCell, csvLine, toCsv } from "@/lib/csv";
import { FUTURE_PERIOD_MESSAGE, PERIOD_FORMAT_MESSAGE, parsePublicPeriod } from "@/lib/open-data/period";

describe("the open data CSV writer", () => {
  it("starts a file with the UTF-8 byte order mark and ends every record with CRLF", () => {
    const csv = toCsv(["a", "b"], [["Hà Nội", 1]]);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv).toBe("\uFEFFa,b\r\nHà Nội,1\r\n");
    expect(toCsv(["only"], [])).toBe("\uFEFFonly\r\n");
  });

  it("quotes a field holding a comma, a quote or a line break, doubling the quotes (RFC 4180)", () => {
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell("line 1\nline 2")).toBe('"line 1\nline 2"');
    expect(csvCell("cr\r")).toBe('"cr\r"');
    expect(csvCell("plain text")).toBe("plain text");
    expect(csvLine(["x", 'y"', "z,"])).toBe('x,"y""","z,"\r\n');
  });

  it("writes empty fields for null and undefined, numbers, bigints and booleans as they are", () => {
    expect(csvLine([null, undefined, 0, -5, 1.5, 12345678901234567890n, true, false])).toBe(
      ",,0,-5,1.5,12345678901234567890,true,false\r\n",
    );
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvCell("=SUM(A1:A2)")).toBe("'=SUM(A1:A2)");
    expect(csvCell("+84 912")).toBe("'+84 912");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("\t=1")).toBe("'\t=1");
    // Prefixed, then quoted when it also needs quotes.
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    // Only the first character counts; a negative number is data.
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell(-3)).toBe("-3");
  });
});

describe("the public statistics period", () => {
  const now = new Date("2026-05-20T10:00:00+07:00");

  it("is the current month by default, and months, quarters and years that have started", () => {
    for (const raw of [null, undefined, "", "  "]) {
      expect(parsePublicPeriod(raw, now)).toMatchObject({ ok: true, period: { key: "2026-05", kind: "month" } });
    }
    expect(parsePublicPeriod("2026-Q2", now)).toMatchObject({ ok: true, period: { key: "2026-Q2" } });
    expect(parsePublicPeriod("2026", now)).toMatchObject({ ok: true, period: { key: "2026", kind: "year" } });
    expect(parsePublicPeriod("2020-01", now)).toMatchObject({ ok: true, period: { key: "2020-01" } });
  });

  it("refuses custom ranges, malformed keys, years before 2020 and periods not started yet", () => {
    for (const raw of [
      "2026-13",
      "2026-Q0",
      "2026-5",
      "26",
      "2026-05-01..2026-05-10",
      "2019",
      "2019-Q4",
      "x".repeat(50),
    ]) {
      expect(parsePublicPeriod(raw, now), raw).toEqual({ ok: false, message: PERIOD_FORMAT_MESSAGE });
    }
    for (const raw of ["2026-06", "2026-Q3", "2027"]) {
      expect(parsePublicPeriod(raw, now), raw).toEqual({ ok: false, message: FUTURE_PERIOD_MESSAGE });
    }
  });
});
