/** Who did something, and from which request; carried into every audit event. */
export interface AuditActor {
  id: string | null;
  /** The role the action was performed under, or "system" for jobs and "anonymous" for sign-up. */
  role: string;
}

export interface RequestMeta {
  requestId: string | null;
  ip: string | null;
}

export interface AuditContext {
  actor: AuditActor;
  request: RequestMeta;
}

export const SYSTEM_ACTOR: AuditActor = { id: null, role: "system" };

export function systemContext(requestId: string | null = null): AuditContext {
  return { actor: SYSTEM_ACTOR, request: { requestId, ip: null } };
}

/**
 * The client address. Behind a reverse proxy or load balancer, the proxy appends the address it
 * saw to X-Forwarded-For, so the rightmost entry is the one we can trust.
 */
export function clientIp(forwardedFor: string | null | undefined, realIp?: string | null): string | null {
  const parts = (forwardedFor ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  const ip = parts.at(-1) ?? realIp ?? null;
  return ip ? ip.slice(0, 64) : null;
}
