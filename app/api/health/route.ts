import { pool } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Liveness + database reachability, for load balancers and monitoring. */
export async function GET() {
  try {
    await Promise.race([
      pool().query("SELECT 1"),
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), 3000)),
    ]);
    return Response.json({ status: "ok", db: "ok" }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const reason = error instanceof Error ? error.message : "unknown";
    return Response.json(
      { status: "error", db: "unavailable", reason },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
