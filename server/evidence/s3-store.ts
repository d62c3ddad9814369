import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import type { S3Config } from "./storage-config";
import type { EvidenceStore, FileCopies, Variant } from "./storage";

const VARIANTS: Variant[] = ["file", "thumbnail"];

/**
 * Evidence bytes in S3-compatible object storage (MinIO, Ceph, a cloud's), under
 * `<prefix>evidence/<id>/<variant>`. Objects are put before the command that creates their
 * row and deleted if it fails; the command that deletes a row deletes its objects once it has
 * committed (Effects.afterCommit). Until then the row still exists; after it, the download
 * route finds no row and answers 404, so a deleted file is never served. What a crash between
 * the two leaves is an object no row points to: unreachable, only space.
 */
export function createS3Store(config: S3Config, client = s3Client(config)): EvidenceStore {
  const key = (evidenceId: string, variant: Variant) => `${config.prefix}evidence/${evidenceId}/${variant}`;
  const deleteObjects = async (evidenceIds: string[]) => {
    const keys = evidenceIds.flatMap((id) => VARIANTS.map((variant) => ({ Key: key(id, variant) })));
    for (let i = 0; i < keys.length; i += 1000)
      await client.send(
        new DeleteObjectsCommand({ Bucket: config.bucket, Delete: { Objects: keys.slice(i, i + 1000), Quiet: true } }),
      );
  };
  return {
    kind: "s3",
    async stage(evidenceId: string, copies: FileCopies) {
      const put = Object.entries(copies).filter(([, data]) => data) as [Variant, Buffer][];
      try {
        for (const [variant, data] of put)
          await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key(evidenceId, variant), Body: data }));
      } catch (error) {
        await deleteObjects([evidenceId]).catch(() => {});
        throw error;
      }
      return { save: async () => {}, discard: () => deleteObjects([evidenceId]) };
    },
    async read(_db, evidenceId, variant) {
      try {
        const object = await client.send(
          new GetObjectCommand({ Bucket: config.bucket, Key: key(evidenceId, variant) }),
        );
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (error) {
        if (
          error instanceof NoSuchKey ||
          (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
        )
          return null;
        throw error;
      }
    },
    async remove(_tx, effects, evidenceIds) {
      if (evidenceIds.length) effects.afterCommit("deleting evidence objects", () => deleteObjects(evidenceIds));
    },
  };
}

function s3Client(config: S3Config) {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    // Path-style addressing (host/bucket/key) is what self-hosted servers such as MinIO expect.
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
  });
}
