import { crc32, inflateRawSync } from "node:zlib";

/**
 * The entries of a zip (an .xlsx is one), unpacked with a running count: every entry is
 * inflated with zlib's own output limit set to what is left of the budget and to the size the
 * entry declares, so an entry that claims 1 kB but unpacks to gigabytes stops after 1 kB
 * instead of filling memory. Declared sizes bound the work; they are never taken for the
 * bytes that come out.
 */

export type Unzipped = { ok: true; entries: Map<string, Buffer> } | { ok: false; reason: "notZip" | "tooLarge" };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

interface Entry {
  name: string;
  method: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

/** The central directory's entries, or null when the bytes are not a zip this reader handles (no ZIP64). */
function centralDirectory(content: Uint8Array): Entry[] | null {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB.
  let end = -1;
  for (let i = content.byteLength - 22; i >= Math.max(0, content.byteLength - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (offset + 46 > content.byteLength || view.getUint32(offset, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(offset + 28, true);
    if (offset + 46 + nameLength > content.byteLength) return null;
    const entry = {
      name: new TextDecoder().decode(content.subarray(offset + 46, offset + 46 + nameLength)),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      declaredSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    };
    // 0xFFFFFFFF announces ZIP64 fields: more than an import file ever needs.
    if ([entry.compressedSize, entry.declaredSize, entry.localOffset].includes(0xffffffff)) return null;
    entries.push(entry);
    offset += 46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** Unpacks every file entry, stopping as soon as the unpacked bytes would pass `limit`. */
export function unzip(content: Uint8Array, limit: number): Unzipped {
  const entries = centralDirectory(content);
  if (!entries) return { ok: false, reason: "notZip" };
  // A zip that admits to being too big is refused before any work; one that lies is caught below.
  if (entries.reduce((sum, e) => sum + e.declaredSize, 0) > limit) return { ok: false, reason: "tooLarge" };
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const out = new Map<string, Buffer>();
  let left = limit;
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const at = entry.localOffset;
    if (at + 30 > content.byteLength || view.getUint32(at, true) !== LOCAL) return { ok: false, reason: "notZip" };
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    if (start + entry.compressedSize > content.byteLength) return { ok: false, reason: "notZip" };
    const packed = content.subarray(start, start + entry.compressedSize);
    let data: Buffer;
    if (entry.method === STORED) data = Buffer.from(packed);
    else if (entry.method === DEFLATED) {
      try {
        // zlib counts while it inflates and throws once the output would pass the limit: what is
        // left of the budget, and no more than the entry declares (an entry that lies stops there).
        data = inflateRawSync(packed, { maxOutputLength: Math.max(1, Math.min(left, entry.declaredSize)) });
      } catch (error) {
        return {
          ok: false,
          reason: (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "tooLarge" : "notZip",
        };
      }
    } else return { ok: false, reason: "notZip" };
    if (data.byteLength > left) return { ok: false, reason: "tooLarge" };
    left -= data.byteLength;
    out.set(entry.name.replace(/^\/+/, ""), data);
  }
  return { ok: true, entries: out };
}

/**
 * Packs entries into a zip without compression, for a reader (exceljs) that unpacks on its
 * own: what it then reads are the bytes counted above, with sizes that tell the truth.
 */
export function storeZip(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(STORED, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.byteLength, 18);
    local.writeUInt32LE(data.byteLength, 22);
    local.writeUInt16LE(nameBytes.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(STORED, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.byteLength, 20);
    central.writeUInt32LE(data.byteLength, 24);
    central.writeUInt16LE(nameBytes.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.byteLength + data.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
