import { MAX_FILE_BYTES, MAX_FILE_MEGABYTES } from "../imports/types";

/**
 * The largest request body the API reads: an import file at its size limit, in base64 inside
 * JSON, and a little more. Without a cap, a client could make the server buffer gigabytes
 * before any input schema looks at them.
 */
export const MAX_API_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 256 * 1024;

/** Sign-in, sign-out and next-auth's other forms: an email, a password and a CSRF token. */
export const MAX_AUTH_BODY_BYTES = 8 * 1024;

const importTooLarge = () =>
  Response.json(
    { error: { message: "imports.errors.fileTooLarge", params: { max: MAX_FILE_MEGABYTES } } },
    { status: 413 },
  );

/**
 * The request, or a 413 answer when its declared length is over `maxBytes`. A body sent in
 * chunks without a length is counted as it is read and fails past the cap.
 */
export function limitBody(req: Request, maxBytes = MAX_API_BODY_BYTES): Request | Response {
  const declared = req.headers.get("content-length");
  if (declared !== null) return Number(declared) > maxBytes ? importTooLarge() : req;
  if (!req.body) return req;
  let seen = 0;
  const counted = req.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) controller.error(new Error("request body too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  return new Request(req, { body: counted, duplex: "half" } as RequestInit);
}

/**
 * For handlers that read the whole body at once (next-auth's forms): the request with its
 * body read into memory, or a 413 answer as soon as the declared length or the bytes received
 * pass `maxBytes`, without reading further. A chunked upload of 100 MB is refused after its
 * first few kB instead of being buffered whole. `rebuild` makes the request of the handler's
 * own kind (a NextRequest for next-auth) from the buffered body.
 */
export async function bufferBody<R extends Request>(
  req: R,
  maxBytes: number,
  rebuild: (url: string, init: RequestInit & { signal?: AbortSignal }) => R,
): Promise<R | Response> {
  if (!req.body) return req;
  const tooLarge = () =>
    Response.json(
      { error: { message: "errors.bodyTooLarge", params: { max: maxBytes } } },
      { status: 413, headers: { connection: "close" } },
    );
  const declared = req.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= maxBytes)) return tooLarge();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let seen = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    seen += value.byteLength;
    if (seen > maxBytes) {
      void reader.cancel().catch(() => {});
      return tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(seen);
  let at = 0;
  for (const chunk of chunks) body.set(chunk, (at += chunk.byteLength) - chunk.byteLength);
  const headers = new Headers(req.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(seen));
  return rebuild(req.url, { method: req.method, headers, body, signal: req.signal });
}
