import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { type Random, mutateBytes, truncateBytes } from "./random";

/**
 * Hocuspocus frames as a provider sends them (document name, message type, payload), and
 * malformed variants of them for the collaboration fuzz test. The message types are
 * Hocuspocus's own: 0 sync, 1 awareness, 2 auth, 3 query awareness, 5 stateless, 6 broadcast
 * stateless, 7 close; sync sub-types are y-protocols' (0 step 1, 1 step 2, 2 update).
 */

const frame = (name: string, write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, name);
  write(e);
  return encoding.toUint8Array(e);
};

export const authFrame = (name: string, token: string) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
  });

export const syncStep1Frame = (name: string, doc: Y.Doc) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, 0);
    syncProtocol.writeSyncStep1(e, doc);
  });

/** Sync step 2 (1) or an update (2) carrying `update`. */
export const updateFrame = (name: string, update: Uint8Array, kind: 1 | 2 = 2) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, kind);
    encoding.writeVarUint8Array(e, update);
  });

export const awarenessFrame = (name: string, update: Uint8Array) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint8Array(e, update);
  });

const simpleFrame = (name: string, type: number, text?: string) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, type);
    if (text !== undefined) encoding.writeVarString(e, text);
  });

/** A varint length far beyond the bytes that follow it. */
const oversizedLength = (name: string, type: number) =>
  frame(name, (e) => {
    encoding.writeVarUint(e, type);
    if (type === 0) encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0x7fff_fff0);
    encoding.writeUint8Array(e, new Uint8Array(16));
  });

/** A valid update that adds a paragraph; what an attacker mutates. */
export function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement("paragraph");
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("default").push([p]);
  return Y.encodeStateAsUpdate(doc);
}

function awarenessUpdate(random: Random): Uint8Array {
  const doc = new Y.Doc();
  const awareness = new awarenessProtocol.Awareness(doc);
  const garbage = [null, 1e308, "x".repeat(random.int(5000)), { user: { name: "<script>", color: -1 } }, [[[[]]]]];
  awareness.setLocalState({ user: random.pick(garbage), cursor: random.pick(garbage) });
  const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return update;
}

/** Names a document may not be opened by, or names of documents the sender cannot open. */
const badNames = (random: Random, real: string[]) => [
  "",
  "plan:",
  "plan:../../etc/passwd",
  `plan:${"a".repeat(10_000)}`,
  "tài liệu:không tồn tại",
  `${random.pick(real)}\0${"s".repeat(random.int(64))}`,
  `plan:${random.pick(["cl0000000000000000000000", 'DROP TABLE "Plan"', "' OR 1=1 --"])}`,
  String.fromCharCode(...random.bytes(12)),
];

/**
 * One malformed frame: random bytes, a bad varint, a frame for a wrong document, a valid
 * frame mutated or truncated, a sync step 2 or update whose update is corrupt, awareness
 * garbage, a length far past the end, or a server-only message type.
 */
export function malformedFrame(random: Random, names: string[]): Uint8Array {
  const name = random.chance(0.7) ? random.pick(names) : random.pick(badNames(random, names));
  const valid = () =>
    random.pick([
      () =>
        authFrame(
          name,
          random.pick(["", "not-a-token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9.", "x".repeat(9000)]),
        ),
      () => syncStep1Frame(name, new Y.Doc()),
      () => updateFrame(name, paragraphUpdate("Chèn trái phép"), random.pick([1, 2] as const)),
      () => awarenessFrame(name, awarenessUpdate(random)),
      () => simpleFrame(name, 5, '{"type":"saved","snapshot":"AAAA"}'),
    ])();
  switch (random.int(10)) {
    case 0:
      return random.bytes(random.int(200));
    case 1:
      return Uint8Array.from([...new Array(10 + random.int(10)).fill(0xff), ...random.bytes(8)]);
    case 2:
      return mutateBytes(random, valid());
    case 3:
      return truncateBytes(random, valid());
    case 4:
      return updateFrame(
        name,
        random.chance(0.5) ? mutateBytes(random, paragraphUpdate("Bị hỏng")) : random.bytes(1 + random.int(64)),
        random.pick([1, 2] as const),
      );
    case 5:
      return awarenessFrame(
        name,
        random.chance(0.5) ? random.bytes(random.int(64)) : mutateBytes(random, awarenessUpdate(random)),
      );
    case 6:
      return oversizedLength(name, random.pick([0, 1, 2]));
    case 7:
      return simpleFrame(
        name,
        random.pick([4, 6, 7, 8, 9, 10, 11, 99, 0x7fff_ffff]),
        random.chance(0.5) ? "x" : undefined,
      );
    case 8:
      return frame(name, (e) => encoding.writeUint8Array(e, random.bytes(random.int(32))));
    default:
      return valid();
  }
}

/** The message type of a frame the server sent (after its document name), or null if unreadable. */
export function serverMessageType(data: Uint8Array): { name: string; type: number; sub: number | null } | null {
  try {
    const d = decoding.createDecoder(data);
    const name = decoding.readVarString(d);
    const type = decoding.readVarUint(d);
    const sub = decoding.hasContent(d) ? decoding.readVarUint(d) : null;
    return { name, type, sub };
  } catch {
    return null;
  }
}
