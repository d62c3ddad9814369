import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { GetObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { photo, pdf } from "../../tests/evidence-files";
import { buildActor, buildPlan, buildPlanningItems, buildProgram, buildUnitTree } from "../../tests/factories";
import { getDb } from "../db/client";
import { removeMilestone } from "../planning/milestones";
import { attachEvidence, readEvidence, removeEvidence } from "./evidence";
import { prepareFile } from "./prepare-file";
import { createS3Store } from "./s3-store";
import { storeEvidence } from "./store-evidence";
import { parseS3Url } from "./storage-config";
import { useS3StoreForTests } from "./stores";

/**
 * The S3 store against s3rver, an S3-compatible server run in this process: objects are put
 * with their row, read back, deleted after the command that deletes their row commits, and
 * discarded when the command fails. No bytes reach the database.
 */
describe("evidence in S3-compatible object storage", () => {
  let server: S3rver;
  let dir: string;
  let client: S3Client;
  const bucket = "minh-chung";
  const keys = async () =>
    ((await client.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key).sort();

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "chungtay-s3-"));
    server = new S3rver({
      port: 0,
      address: "127.0.0.1",
      silent: true,
      directory: dir,
      configureBuckets: [{ name: bucket, configs: [] }],
    });
    const { port } = await server.run();
    const config = parseS3Url(`http://S3RVER:S3RVER@127.0.0.1:${port}/${bucket}/chungtay`);
    expect(config).toMatchObject({ bucket, prefix: "chungtay/", endpoint: `http://127.0.0.1:${port}` });
    const store = createS3Store(config);
    client = new S3Client({
      endpoint: config.endpoint,
      region: config.region,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
    });
    useS3StoreForTests(store);
  });

  afterAll(async () => {
    useS3StoreForTests(undefined);
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("stores, serves and deletes a photo of a milestone, bytes in the bucket only", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.commune]);
    const plan = await buildPlan(db, { unit: tree.commune, program: await buildProgram(db), author: planner });
    const items = await buildPlanningItems(db, plan, tree.commune);
    const bytes = await photo();
    const evidence = await attachEvidence(
      db,
      planner,
      { type: "milestone", id: items.milestone.id },
      { name: "a.jpg", bytes },
    );
    expect(await db.evidence.findUnique({ where: { id: evidence.id }, select: { storage: true } })).toEqual({
      storage: "s3",
    });
    expect(await db.evidenceBlob.count({ where: { evidenceId: evidence.id } })).toBe(0);
    expect(await keys()).toEqual([
      `chungtay/evidence/${evidence.id}/file`,
      `chungtay/evidence/${evidence.id}/thumbnail`,
    ]);
    const stored = await client.send(
      new GetObjectCommand({ Bucket: bucket, Key: `chungtay/evidence/${evidence.id}/file` }),
    );
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(bytes)).toBe(true);
    expect((await readEvidence(db, planner, evidence.id, "file")).data.equals(bytes)).toBe(true);
    expect((await readEvidence(db, planner, evidence.id, "thumbnail")).contentType).toBe("image/webp");

    // Deleting the milestone deletes the objects once it has committed.
    await removeMilestone(db, planner, items.milestone.id);
    expect(await keys()).toEqual([]);
    await expect(readEvidence(db, planner, evidence.id, "file")).rejects.toMatchObject({ code: "NOT_FOUND" });

    const onPlan = await attachEvidence(db, planner, { type: "plan", id: plan.id }, { name: "b.pdf", bytes: pdf() });
    expect(await keys()).toEqual([`chungtay/evidence/${onPlan.id}/file`]);
    await removeEvidence(db, planner, onPlan.id);
    expect(await keys()).toEqual([]);
  });

  it("discards the objects of a command that fails, and keeps them when a deletion is refused", async () => {
    const db = getDb();
    const tree = await buildUnitTree(db);
    const planner = await buildActor(db, "planner", [tree.commune]);
    const plan = await buildPlan(db, { unit: tree.commune, program: await buildProgram(db), author: planner });
    const file = await prepareFile({ name: "c.pdf", bytes: pdf() });
    const failing = storeEvidence(
      db,
      planner,
      plan.id,
      "evidence.manage",
      file,
      {},
      {
        check: async () => {
          throw new Error("the record went meanwhile");
        },
        then: async () => null,
      },
    );
    await expect(failing).rejects.toThrow("the record went meanwhile");
    expect(await keys()).toEqual([]);

    const kept = await attachEvidence(db, planner, { type: "plan", id: plan.id }, { name: "d.pdf", bytes: pdf() });
    // The plan goes under review between the check and the lock: the deletion is refused, the object stays.
    await db.plan.update({ where: { id: plan.id }, data: { status: "submitted" } });
    await expect(removeEvidence(db, planner, kept.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await keys()).toEqual([`chungtay/evidence/${kept.id}/file`]);
  });
});
