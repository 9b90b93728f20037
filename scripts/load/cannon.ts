/**
 * One workload under autocannon: a warm-up (discarded), then `seconds` of load at `connections`
 * concurrent keep-alive connections, each sending its next request as soon as the last one was
 * answered. Besides autocannon's totals, every response is recorded per target (latency, status,
 * bytes), so a slow or failing page cannot hide in the mix's average.
 */
import autocannon, { type Request } from "autocannon";
import type { Pick } from "./workload";

export interface TargetStats {
  name: string;
  requests: number;
  non2xx: number;
  /** Bytes on the wire, headers included. */
  bytes: number;
  /** Milliseconds, one per response, in arrival order. */
  latencies: number[];
  /** Response count per HTTP status. */
  statuses: Map<number, number>;
}

export interface WorkloadStats extends TargetStats {
  /** Seconds actually measured. */
  seconds: number;
  /** Connection errors and timeouts: requests that got no response at all. */
  errors: number;
  timeouts: number;
  /** Per target, in the order first seen; a single row for a fixed URL. */
  targets: TargetStats[];
}

export interface RunOptions {
  name: string;
  baseUrl: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** Sent with every request (a target may add its own, e.g. the session cookie). */
  headers: Record<string, string>;
  /** Either one fixed path… */
  path?: string;
  /** …or the workload's next request, drawn before each one is sent. */
  next?: () => Pick;
}

/** A request slower than this counts as an error (a visitor would have given up long before). */
const TIMEOUT_SECONDS = 30;

const emptyStats = (name: string): TargetStats => ({
  name,
  requests: 0,
  non2xx: 0,
  bytes: 0,
  latencies: [],
  statuses: new Map(),
});

function record(stats: TargetStats, status: number, bytes: number, ms: number) {
  stats.requests += 1;
  if (status < 200 || status > 299) stats.non2xx += 1;
  stats.bytes += bytes;
  stats.latencies.push(ms);
  stats.statuses.set(status, (stats.statuses.get(status) ?? 0) + 1);
}

export async function runWorkload(options: RunOptions): Promise<WorkloadStats> {
  const { next } = options;
  const total = emptyStats(options.name);
  const byTarget = new Map<string, TargetStats>();
  // autocannon tells which request a response belongs to only through the connection's context,
  // handed to `onResponse`; the latency comes right after, synchronously, in the "response" event
  // (lib/httpClient.js: recordBody, then emit). The target is passed from one to the other here.
  let answered: string | undefined;
  const requests: Request[] | undefined = next && [
    {
      setupRequest(request, context) {
        const { target, request: drawn } = next();
        context.target = target;
        return { ...request, path: drawn.path, headers: { ...request.headers, ...drawn.headers } };
      },
      onResponse(_status, _body, context) {
        answered = typeof context.target === "string" ? context.target : undefined;
      },
    },
  ];
  const instance = autocannon({
    url: next ? options.baseUrl : `${options.baseUrl}${options.path ?? "/"}`,
    connections: options.connections,
    duration: options.seconds,
    timeout: TIMEOUT_SECONDS,
    headers: options.headers,
    requests,
    warmup: options.warmupSeconds > 0 ? { duration: options.warmupSeconds } : undefined,
  });
  // Only the measured run reports to this instance; the warm-up has a tracker of its own.
  instance.on("response", (_client, status, bytes, ms) => {
    const name = answered ?? options.name;
    answered = undefined;
    let stats = byTarget.get(name);
    if (!stats) byTarget.set(name, (stats = emptyStats(name)));
    record(stats, status, bytes, ms);
    record(total, status, bytes, ms);
  });
  const result = await instance;
  return {
    ...total,
    seconds: result.duration,
    errors: result.errors,
    timeouts: result.timeouts,
    targets: [...byTarget.values()],
  };
}
