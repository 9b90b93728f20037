import { z } from "zod";
import { verifyChainAs } from "@/lib/audit/checkpoints";
import { auditContext, getCurrentUser } from "@/lib/auth/session";
import { can } from "@/lib/authz";

export const dynamic = "force-dynamic";

const HeadSchema = z.object({
  seq: z
    .string()
    .trim()
    .regex(/^[1-9]\d{0,17}$/),
  hash: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{64}$/)
    .transform((h) => h.toLowerCase()),
});
const BodySchema = z.object({ from: HeadSchema.nullish() });

const NO_STORE = { "cache-control": "private, no-store" };

/**
 * The auditor's chain verification with progress (issue #13 item 5), as NDJSON: lines
 * `{"type":"progress","checked":n,"total":t}` while it walks, then one
 * `{"type":"verdict","verdict":{…}}` (or `{"type":"error"}`). Body: `{}` for the whole chain, or
 * `{"from":{"seq":"…","hash":"…"}}` to start from a published head. POST with a JSON body only: a
 * cross-site form cannot send one, and the verification writes (a checkpoint and its audit event).
 * Anyone without "audit:verify" gets 404.
 */
export async function POST(request: Request) {
  const user = await getCurrentUser();
  if (!can(user, "audit:verify")) return new Response("Not found", { status: 404, headers: NO_STORE });
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    return Response.json({ error: "unsupported_media_type" }, { status: 415, headers: NO_STORE });
  }
  const parsed = BodySchema.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return Response.json({ error: "invalid_input" }, { status: 400, headers: NO_STORE });
  const audit = await auditContext(user, "audit:verify");
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      // A client that went away (tab closed) must not turn the verification into an unhandled
      // rejection: what cannot be sent any more is dropped, and the walk finishes and is audited.
      let open = true;
      const send = (line: object) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
        } catch {
          open = false;
        }
      };
      const result = await verifyChainAs(user, {
        from: parsed.data.from ?? null,
        audit,
        onProgress: ({ checked, total }) => send({ type: "progress", checked, total }),
      });
      send(result.ok ? { type: "verdict", verdict: result.verdict } : { type: "error", error: result.error });
      if (open) controller.close();
    },
    cancel() {
      // Nothing to release: the verification holds its own pooled connection until it ends.
    },
  });
  return new Response(stream, {
    headers: { ...NO_STORE, "content-type": "application/x-ndjson; charset=utf-8", "x-accel-buffering": "no" },
  });
}
