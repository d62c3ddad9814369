import * as Y from "yjs";
import { FRAGMENT } from "../server/documents/content";
import { appendUpdate } from "../server/documents/storage";
import { getDb } from "../server/db/client";
import { buildActor, buildPlan, buildProgram, buildUnitTree } from "../tests/factories";
import { startCollabServerProcess } from "./support/bench-child";
import { type LoadFleet, startLoadFleet } from "./support/load-fleet";
import type { BenchRow } from "./stats";

/**
 * Open sockets and memory: `connections` editors over `documents` plans on our server (its
 * own process, run with --expose-gc), each plan holding a realistic stored document. Counts
 * the editors that were authenticated and synced (and the connections the server holds), then,
 * idle, measures the server's memory after a full GC with the documents loaded against the
 * same measure before any was: (after − before) / documents, which charges the documents'
 * sockets and connections to them as well.
 */
export async function benchSocketsMemory(
  documents = 500,
  connections = 2000,
  clientProcesses = 2,
): Promise<BenchRow[]> {
  const db = getDb();
  const tree = await buildUnitTree(db);
  const program = await buildProgram(db);
  const planner = await buildActor(db, "planner", [tree.commune]);
  const content = planContent();
  const plans: string[] = [];
  for (let i = 0; i < documents; i += 25) {
    const chunk = await Promise.all(
      Array.from({ length: Math.min(25, documents - i) }, () =>
        buildPlan(db, { unit: tree.commune, program, author: planner }),
      ),
    );
    await Promise.all(chunk.map((plan) => appendUpdate(db, plan.id, content, planner.userId)));
    plans.push(...chunk.map((plan) => plan.id));
  }
  const server = await startCollabServerProcess("ours", ["--expose-gc"]);
  let fleet: LoadFleet | undefined;
  try {
    const before = await server.stats();
    if (!before.gc) throw new Error("the server process runs without --expose-gc");
    fleet = await startLoadFleet(clientProcesses, {
      kind: "ours",
      baseURL: server.baseURL,
      documents: plans,
      editorsPerDocument: Math.ceil(connections / documents),
      userId: planner.userId,
    });
    // Idle: no edits, the connections' first messages answered.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const after = await server.stats();
    const perDocument = (key: "heapUsed" | "rss") =>
      Math.round((after.memory[key] - before.memory[key]) / documents / 1024);
    const heap = perDocument("heapUsed");
    const rss = perDocument("rss");
    const served =
      fleet.ready.ready === fleet.ready.editors &&
      after.connections === fleet.ready.editors &&
      after.documents === documents;
    return [
      {
        what: "open sockets",
        load: `${fleet.ready.editors} connections over ${documents} documents`,
        goal: "all authenticated and synced",
        result: `${fleet.ready.ready} of ${fleet.ready.editors} editors synced; server holds ${after.connections} connections, ${after.documents} documents (ready in ${fleet.ready.ms} ms)`,
        met: served,
        figures: { ...fleet.ready, serverConnections: after.connections, serverDocuments: after.documents },
      },
      {
        what: "memory per loaded idle document",
        load: `${documents} documents (${content.length} B stored state each), ${fleet.ready.editors} connections`,
        goal: "≤ 200 kB",
        result: `${heap} kB heap, ${rss} kB RSS (after GC, minus before loading)`,
        met: heap <= 200,
        figures: { heapKBPerDocument: heap, rssKBPerDocument: rss, before: before.memory, after: after.memory },
      },
    ];
  } finally {
    await fleet?.stop();
    await server.stop();
  }
}

/** A plan of ordinary length: headings and 40 paragraphs of Vietnamese text (about 6 kB). */
function planContent(): Uint8Array {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment(FRAGMENT);
  for (let i = 0; i < 40; i++) {
    const block = new Y.XmlElement(i % 8 === 0 ? "heading" : "paragraph");
    if (i % 8 === 0) block.setAttribute("level", "2");
    block.insert(0, [
      new Y.XmlText(
        i % 8 === 0
          ? `${i / 8 + 1}. Mục tiêu và nhiệm vụ`
          : `Phấn đấu đến hết năm 2025, xã đạt chuẩn nông thôn mới nâng cao; thu nhập bình quân đầu người đạt ${50 + i} triệu đồng/năm.`,
      ),
    ]);
    fragment.insert(fragment.length, [block]);
  }
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
