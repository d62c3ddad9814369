import type { EvidenceStorage } from "../db/generated/client";
import { DomainError } from "../errors";
import { databaseStore } from "./database-store";
import { createS3Store } from "./s3-store";
import type { EvidenceStore } from "./storage";
import { s3Config } from "./storage-config";

const globalStores = globalThis as unknown as { chungTayS3Store?: EvidenceStore | null };

/** The object store of S3_URL, made once per process (the custom server and Next's bundle share it), or null. */
function s3Store(): EvidenceStore | null {
  if (globalStores.chungTayS3Store === undefined) {
    const config = s3Config();
    globalStores.chungTayS3Store = config ? createS3Store(config) : null;
  }
  return globalStores.chungTayS3Store;
}

/** Where new files go: object storage when S3_URL is set, else the database. */
export const currentStore = (): EvidenceStore => s3Store() ?? databaseStore;

/**
 * The store that holds a file, as its row says: files stored before S3_URL was set stay
 * readable from the database. A file in S3 while S3_URL is unset cannot be read (logged).
 */
export function storeOf(storage: EvidenceStorage): EvidenceStore {
  if (storage === "database") return databaseStore;
  const store = s3Store();
  if (!store) {
    console.error("Evidence is stored in S3 but S3_URL is not set: set it to read or delete such files.");
    throw new DomainError("CONFLICT", "errors.evidenceStorageMissing");
  }
  return store;
}

/** For tests: use this object store (null for none) instead of S3_URL's. */
export function useS3StoreForTests(store: EvidenceStore | null | undefined) {
  globalStores.chungTayS3Store = store;
}
