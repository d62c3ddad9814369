import { MAX_BATCH_SIZE } from "@/lib/domain/limits";

/** A 413 answer for a batch of more than `MAX_BATCH_SIZE` calls, read from the URL alone; null otherwise. */
export function refuseLargeBatch(req: Request): Response | null {
  const url = new URL(req.url);
  if (url.searchParams.get("batch") !== "1") return null;
  const calls = url.pathname.split("/").at(-1)!.split(",").length;
  if (calls <= MAX_BATCH_SIZE) return null;
  return Response.json(
    { error: { message: "errors.batchTooLarge", params: { max: MAX_BATCH_SIZE } } },
    { status: 413 },
  );
}
