import { checkHealth } from "@/server/health";

export const dynamic = "force-dynamic";

/** Liveness and database status for load balancers and monitoring. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === "ok" ? 200 : 503 });
}
