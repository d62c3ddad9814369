import { describe, expect, it } from "vitest";
import { limitBody } from "./body-limit";

const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/trpc/imports.preview", {
    method: "POST",
    body,
    headers,
    duplex: "half",
  } as RequestInit);

function chunked(bytes: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) return controller.close();
      const size = Math.min(64 * 1024, bytes - sent);
      sent += size;
      controller.enqueue(new Uint8Array(size).fill(0x41));
    },
  });
}

describe("request body limit", () => {
  it("answers 413 with a message key to a body declared too large, before reading it", async () => {
    const refused = limitBody(post("x", { "content-length": "999999999" }), 1024);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(413);
    expect(await (refused as Response).json()).toMatchObject({ error: { message: "imports.errors.fileTooLarge" } });
  });

  it("fails a body sent in chunks without a length once it passes the cap", async () => {
    const req = limitBody(post(chunked(10_000)), 4096) as Request;
    await expect(req.text()).rejects.toThrow();
  });

  it("passes a body within the cap unchanged", async () => {
    const small = limitBody(post(chunked(3000)), 4096) as Request;
    expect((await small.text()).length).toBe(3000);
    const declared = limitBody(post('{"json":1}', { "content-length": "10" }), 4096) as Request;
    expect(await declared.text()).toBe('{"json":1}');
  });
});
