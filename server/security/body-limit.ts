import { MAX_FILE_BYTES, MAX_FILE_MEGABYTES } from "../imports/types";

/**
 * The largest request body the API reads: an import file at its size limit, in base64 inside
 * JSON, and a little more. Without a cap, a client could make the server buffer gigabytes
 * before any input schema looks at them.
 */
export const MAX_API_BODY_BYTES = Math.ceil(MAX_FILE_BYTES / 3) * 4 + 256 * 1024;

const tooLarge = () =>
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
  if (declared !== null) return Number(declared) > maxBytes ? tooLarge() : req;
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
