/**
 * The most procedure calls one tRPC request may carry. The browser's link splits larger
 * batches itself (`maxItems`); a client that sends more is refused before any call runs, where
 * 200 `comments.add` calls in one request used to make 200 comments.
 */
export const MAX_BATCH_SIZE = 20;

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
