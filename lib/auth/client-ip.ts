/**
 * Who is on the other end of a request, decided from headers only the server (or a trusted proxy)
 * can have written. Pure functions, shared by proxy.ts, the sign-in and the audit context.
 *
 * How `next start` (Next 16) sees the connection: it never appends the socket address to
 * X-Forwarded-For; it only *sets* the header to the socket address when the request has none
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`, next/dist/server/base-server.js). A
 * client-sent header therefore survives untouched. So with TRUST_PROXY_HOPS=0, proxy.ts removes the
 * header from every request it handles, and Next fills it with the connection's address before the
 * page, action or route handler runs; the proxy also marks the request (PROXY_MARK_HEADER) with a
 * value derived from AUTH_SECRET, so code on a path the proxy does not run on can tell that the
 * header was not cleaned and must not be believed.
 */
import { createHash, randomUUID, timingSafeEqual } from "node:crypto";

export interface HeaderReader {
  get(name: string): string | null;
}

export interface ClientRequestMeta {
  requestId: string | null;
  ip: string | null;
}

export const REQUEST_ID_HEADER = "x-request-id";
export const PROXY_MARK_HEADER = "x-techex-proxy";

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const IPV6 = /^[0-9a-f:]+(%[0-9a-z]+)?$/i;
/** What a load balancer's request id may look like (UUIDs, hex, AWS/GCP trace ids). */
const PROXY_REQUEST_ID = /^[A-Za-z0-9._:=/+-]{8,64}$/;

/** The address in a normal form, or null when the entry is not an IP address. */
function normalizeIp(entry: string): string | null {
  const value = entry.trim();
  if (value.length === 0 || value.length > 64) return null;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  if (mapped) return IPV4.test(mapped[1]!) ? mapped[1]! : null;
  if (IPV4.test(value)) return value;
  if (value.includes(":") && IPV6.test(value)) return value.toLowerCase();
  return null;
}

/**
 * The client's address. `hops` = TRUST_PROXY_HOPS: with 0, X-Forwarded-For must hold exactly the
 * one address Next.js wrote for the connection (a list means a client wrote it); with N, the N-th
 * entry from the right, the one the outermost trusted proxy appended. X-Real-IP is never read: any
 * client can send it. Null when the address cannot be known.
 */
export function clientIp(headers: HeaderReader, hops: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (hops === 0) return entries.length === 1 ? normalizeIp(entries[0]!) : null;
  if (entries.length < hops) return null;
  return normalizeIp(entries[entries.length - hops]!);
}

/** The value proxy.ts puts in PROXY_MARK_HEADER; null without a secret (nothing is then trusted). */
export function proxyMark(secret: string | undefined): string | null {
  if (!secret) return null;
  return createHash("sha256").update(`techex-proxy-mark\u0000${secret}`).digest("hex");
}

function sameMark(sent: string | null, mark: string | null): boolean {
  if (!sent || !mark || sent.length !== mark.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(mark));
}

/** A request id from a trusted proxy, when it is well-formed. */
export function proxyRequestId(headers: HeaderReader): string | null {
  const sent = headers.get(REQUEST_ID_HEADER);
  return sent && PROXY_REQUEST_ID.test(sent) ? sent : null;
}

/**
 * Request id and client address of a request. On requests proxy.ts handled (marked), the id is the
 * one it generated (or adopted from a trusted proxy) and X-Forwarded-For was cleaned. Elsewhere the
 * id is generated here (adopted only from a trusted proxy) and, with no trusted proxy, the address
 * is unknown rather than whatever the client wrote.
 */
export function requestMetaFrom(
  headers: HeaderReader,
  options: { hops: number; mark: string | null },
): ClientRequestMeta {
  const proxied = sameMark(headers.get(PROXY_MARK_HEADER), options.mark);
  const ip = options.hops === 0 && !proxied ? null : clientIp(headers, options.hops);
  const fromProxy = proxied || options.hops > 0 ? proxyRequestId(headers) : null;
  return { ip, requestId: fromProxy ?? randomUUID() };
}
