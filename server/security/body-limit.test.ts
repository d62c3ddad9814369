import { describe, expect, it } from "vitest";
import { bufferBody, limitBody, MAX_AUTH_BODY_BYTES } from "./body-limit";

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

describe("bodies read whole (next-auth's forms)", () => {
  const rebuild = (url: string, init: RequestInit) => new Request(url, { ...init, duplex: "half" } as RequestInit);
  const signIn = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request("http://127.0.0.1/api/auth/callback/credentials", {
      method: "POST",
      body,
      headers,
      duplex: "half",
    } as RequestInit);

  /** A chunked body that sends `bytes` and then waits forever, as a slow attacker would. */
  function stalled(bytes: number): ReadableStream<Uint8Array> {
    let sent = 0;
    return new ReadableStream({
      pull(controller) {
        if (sent >= bytes) return new Promise<void>(() => {});
        sent += 4096;
        controller.enqueue(new Uint8Array(4096).fill(0x41));
      },
    });
  }

  it("refuses a chunked body as soon as it passes the cap, without waiting for the rest", async () => {
    const answer = await bufferBody(signIn(stalled(64 * 1024)), MAX_AUTH_BODY_BYTES, rebuild);
    expect(answer).toBeInstanceOf(Response);
    expect((answer as Response).status).toBe(413);
    expect(await (answer as Response).json()).toEqual({
      error: { message: "errors.bodyTooLarge", params: { max: MAX_AUTH_BODY_BYTES } },
    });
  });

  it("refuses a declared length over the cap before reading, and hands on a form within it", async () => {
    const declared = await bufferBody(signIn(stalled(0), { "content-length": "104857600" }), 8192, rebuild);
    expect((declared as Response).status).toBe(413);
    const form = "email=canbo.xa%40chungtay.vn&password=ChungTay%402025&csrfToken=abc";
    const passed = (await bufferBody(signIn(chunked(form.length)), 8192, rebuild)) as Request;
    expect((await passed.text()).length).toBe(form.length);
    const real = (await bufferBody(
      signIn(form, { "content-type": "application/x-www-form-urlencoded" }),
      8192,
      rebuild,
    )) as Request;
    expect(Object.fromEntries(await real.formData())).toMatchObject({ email: "canbo.xa@chungtay.vn" });
  });
});
