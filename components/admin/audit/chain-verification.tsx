"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useId, useState } from "react";
import type { ChainVerdict, VerifyProgress } from "@/lib/audit/queries";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input, Select } from "@/components/ui/input";
import { Link } from "@/lib/i18n/navigation";

/** A published head as the page passes it (dates as ISO strings: plain data for a client component). */
export interface HeadChoice {
  publishedAt: string;
  seq: string;
  hash: string;
}

type Mode = "whole" | "published" | "typed";
type Line = ({ type: "progress" } & VerifyProgress) | { type: "verdict"; verdict: ChainVerdict } | { type: "error" };

const SEQ = /^[1-9]\d{0,17}$/;
const HASH = /^[0-9a-fA-F]{64}$/;

/** Reads the NDJSON answer of POST /api/admin/audit/verify line by line. */
async function* lines(response: Response): AsyncGenerator<Line> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (value) buffer += value;
    let end: number;
    while ((end = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (line) yield JSON.parse(line) as Line;
    }
    if (done) return;
  }
}

/**
 * The auditor's chain verification with a progress bar: the whole chain, or from a published head
 * (chosen from the list or typed in), streamed from the route handler; the verdict names the first
 * broken event, the problem in words and the expected and found hashes.
 */
export function ChainVerification({ heads }: { heads: readonly HeadChoice[] }) {
  const t = useTranslations("auditLog.verify");
  const format = useFormatter();
  const id = useId();
  const [mode, setMode] = useState<Mode>("whole");
  const [chosen, setChosen] = useState(heads[0]?.seq ?? "");
  const [typed, setTyped] = useState({ seq: "", hash: "" });
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<VerifyProgress | null>(null);
  const [verdict, setVerdict] = useState<ChainVerdict | null>(null);
  const [startedFrom, setStartedFrom] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const typedInvalid = mode === "typed" && (!SEQ.test(typed.seq.trim()) || !HASH.test(typed.hash.trim()));

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (typedInvalid) {
      setFailure(t("invalidHead"));
      return;
    }
    const head = heads.find((h) => h.seq === chosen);
    const from =
      mode === "published" && head
        ? { seq: head.seq, hash: head.hash }
        : mode === "typed"
          ? { seq: typed.seq.trim(), hash: typed.hash.trim() }
          : null;
    setRunning(true);
    setProgress(null);
    setVerdict(null);
    setFailure(null);
    setStartedFrom(from?.seq ?? null);
    try {
      const response = await fetch("/api/admin/audit/verify", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ from }),
      });
      if (!response.ok || !response.body) throw new Error(String(response.status));
      for await (const line of lines(response)) {
        if (line.type === "progress") setProgress({ checked: line.checked, total: line.total });
        else if (line.type === "verdict") setVerdict(line.verdict);
        else setFailure(t("failed"));
      }
    } catch {
      setFailure(t("failed"));
    } finally {
      setRunning(false);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.checked / progress.total) * 100) : 0;
  return (
    <div className="space-y-6">
      <form onSubmit={start} className="space-y-4" noValidate>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">{t("mode")}</legend>
          {(["whole", "published", "typed"] as const).map((m) => (
            <label key={m} className="flex items-center gap-2 text-sm">
              <input
                type="radio"
                name="mode"
                value={m}
                checked={mode === m}
                onChange={() => setMode(m)}
                disabled={m === "published" && heads.length === 0}
              />
              {t(m === "whole" ? "whole" : m === "published" ? "fromPublished" : "fromTyped")}
            </label>
          ))}
          {heads.length === 0 && <p className="text-sm text-muted">{t("noHeads")}</p>}
        </fieldset>
        {mode === "published" && heads.length > 0 && (
          <Field id={`${id}-head`} label={t("publishedHead")}>
            {(aria) => (
              <Select {...aria} value={chosen} onChange={(e) => setChosen(e.target.value)}>
                {heads.map((h) => (
                  <option key={`${h.seq}-${h.publishedAt}`} value={h.seq}>
                    {t("headOption", {
                      date: format.dateTime(new Date(h.publishedAt), "datetime"),
                      seq: h.seq,
                      hash: `${h.hash.slice(0, 16)}…`,
                    })}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        )}
        {mode === "typed" && (
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <Field id={`${id}-seq`} label={t("seq")} required>
              {(aria) => (
                <Input
                  {...aria}
                  inputMode="numeric"
                  value={typed.seq}
                  onChange={(e) => setTyped({ ...typed, seq: e.target.value })}
                />
              )}
            </Field>
            <Field id={`${id}-hash`} label={t("hash")} required>
              {(aria) => (
                <Input
                  {...aria}
                  className="font-mono"
                  spellCheck={false}
                  value={typed.hash}
                  onChange={(e) => setTyped({ ...typed, hash: e.target.value })}
                />
              )}
            </Field>
          </div>
        )}
        <Button type="submit" pending={running}>
          {running ? t("running") : t("start")}
        </Button>
      </form>

      {(running || progress) && (
        <div className="space-y-1">
          <label htmlFor={`${id}-progress`} className="text-sm font-medium">
            {t("progressLabel")}
          </label>
          <progress id={`${id}-progress`} className="block h-3 w-full" max={100} value={percent} />
          <p role="status" aria-live="polite" className="text-sm tabular-nums">
            {progress
              ? t("progress", { checked: format.number(progress.checked), total: format.number(progress.total) })
              : t("running")}
          </p>
        </div>
      )}

      {failure && <Alert tone="danger">{failure}</Alert>}
      {verdict &&
        (verdict.ok ? (
          <Alert tone="success">
            <p>
              {startedFrom
                ? t("okFrom", { seq: startedFrom, count: verdict.checked })
                : t("ok", { count: verdict.checked })}
            </p>
            {verdict.legacy > 0 && <p>{t("legacy", { count: verdict.legacy })}</p>}
            {verdict.lastSeq && (
              <p className="break-all">{t("head", { seq: verdict.lastSeq, hash: verdict.lastHash })}</p>
            )}
          </Alert>
        ) : (
          <Alert tone="danger" title={t("broken", { seq: verdict.brokenAt })}>
            <p>{t(`problems.${verdict.problem}`, { seq: verdict.brokenAt })}</p>
            <dl className="mt-2 grid gap-x-3 gap-y-1 text-xs sm:grid-cols-[auto_1fr]">
              <dt className="font-semibold">{t("expected")}</dt>
              <dd className="font-mono break-all">{verdict.expected}</dd>
              <dt className="font-semibold">{t("found")}</dt>
              <dd className="font-mono break-all">{verdict.found}</dd>
            </dl>
            <p className="mt-2">
              <Link
                href={{ pathname: "/admin/audit", query: { before: String(BigInt(verdict.brokenAt) + 1n) } }}
                className="underline"
              >
                {t("openEvent")}
              </Link>
            </p>
          </Alert>
        ))}
    </div>
  );
}
