import { createDeflateRaw } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActor, buildCriteriaSet, buildUnitTree } from "../../tests/factories";
import { serveTrpc } from "../../tests/fuzz/trpc-http";
import { getDb } from "../db/client";
import { unzip } from "./unzip";
import { xlsxFile } from "./test-files";

/**
 * The attack of the security probe, on loopback through the real tRPC endpoint: an .xlsx of
 * half a megabyte whose sheet claims 1 kB but unpacks to 450 MB. The server refuses a user
 * who may not import before reading the file, and for one who may, stops unpacking at the
 * declared size: the request ends quickly and the process grows by megabytes, not by 490 MB.
 */

const UNPACKED_MB = 450;
const DECLARED = 1024;

/** A zip whose entries are deflated as given, each declaring the size it is told. */
function zipOf(entries: { name: string; packed: Buffer; declared: number }[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, packed, declared } of entries) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(declared, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    parts.push(local, nameBytes, packed);
    central.push(entry, nameBytes);
    offset += 30 + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

/** Deflates chunks as a stream, so the bomb is built without ever holding what it unpacks to. */
async function deflated(write: (push: (chunk: Buffer) => boolean) => Promise<void>): Promise<Buffer> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  await write((chunk) => deflate.write(chunk));
  deflate.end();
  await done;
  return Buffer.concat(out);
}

async function bomb(): Promise<Buffer> {
  const valid = unzip(
    await xlsxFile([
      ["Mã đơn vị", "TC1"],
      ["03180", "Đạt"],
    ]),
    10_000_000,
  );
  if (!valid.ok) throw new Error("the template workbook did not unzip");
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const sheet = await deflated(async (push) => {
    push(
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
    );
    for (let i = 0; i < UNPACKED_MB; i++) if (!push(spaces)) await new Promise((r) => setImmediate(r));
    push(Buffer.from("</sheetData></worksheet>"));
  });
  const entries = await Promise.all(
    [...valid.entries].map(async ([name, data]) =>
      name === "xl/worksheets/sheet1.xml"
        ? { name, packed: sheet, declared: DECLARED }
        : { name, packed: await deflated(async (push) => void push(data)), declared: data.length },
    ),
  );
  return zipOf(entries);
}

describe("an .xlsx that lies about its size", () => {
  let file: Buffer;
  const servers: Awaited<ReturnType<typeof serveTrpc>>[] = [];
  let setCode: string;
  let users: { stakeholder: string; planner: string };

  beforeAll(async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    setCode = (await buildCriteriaSet(db)).code;
    users = {
      stakeholder: (await buildActor(db, "stakeholder", [tree.district])).userId,
      planner: (await buildActor(db, "planner", [tree.district])).userId,
    };
    file = await bomb();
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) await server.close();
  });

  async function post(userId: string) {
    const server = await serveTrpc(userId);
    servers.push(server);
    const input = {
      kind: "criteria",
      fileName: "bao-cao.xlsx",
      contentBase64: file.toString("base64"),
      period: "2025",
      setCode,
    };
    const started = Date.now();
    const response = await fetch(`${server.url}/imports.preview`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    });
    type Body = { error: { json: { message: string } }; result: { data: { json: { fileIssues: unknown[] } } } };
    return { status: response.status, body: (await response.json()) as Body, ms: Date.now() - started };
  }

  it("is small to send: the sheet claims 1 kB and unpacks to 450 MB", () => {
    expect(file.length).toBeLessThan(2 * 1024 * 1024);
  });

  it("is refused to a user who may not import, before it is read", async () => {
    const peak = process.resourceUsage().maxRSS;
    const { status, body, ms } = await post(users.stakeholder);
    expect(status).toBe(403);
    expect(body.error.json.message).toBe("errors.forbidden");
    expect(ms).toBeLessThan(2000);
    expect((process.resourceUsage().maxRSS - peak) / 1024).toBeLessThan(50);
  });

  it("stops unpacking at the declared size for a user who may import", async () => {
    const peak = process.resourceUsage().maxRSS;
    const { status, body, ms } = await post(users.planner);
    expect(status).toBe(200);
    expect(body.result.data.json.fileIssues).toEqual([
      { row: null, column: null, message: "imports.errors.fileTooLarge", params: { max: 10 } },
    ]);
    expect(ms).toBeLessThan(5000);
    // maxRSS is in kB: the process's peak grew by less than 100 MB (the attack added 490 MB).
    expect((process.resourceUsage().maxRSS - peak) / 1024).toBeLessThan(100);
  });
});
