import { config } from "../config";

/**
 * Where evidence files are stored, read once from the environment: in the database (the
 * default), or in S3-compatible object storage when `S3_URL` is set, e.g.
 * `S3_URL=http://key:secret@127.0.0.1:9000/bucket` (optionally `/bucket/prefix`, and
 * `?region=…`; `https:` for TLS). The bucket must exist.
 */
export interface S3Config {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  /** Prepended to every key, e.g. "chungtay/" (empty for none). */
  prefix: string;
}

export function parseS3Url(value: string): S3Config {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error("S3_URL is not a URL: write it as http://key:secret@host:port/bucket");
  }
  const [bucket, ...rest] = url.pathname.split("/").filter(Boolean);
  if (!["http:", "https:"].includes(url.protocol) || !bucket || !url.username || !url.password)
    throw new Error("S3_URL needs http(s), a key, a secret and a bucket: http://key:secret@host:port/bucket");
  return {
    endpoint: `${url.protocol}//${url.host}`,
    region: url.searchParams.get("region") || "us-east-1",
    accessKeyId: decodeURIComponent(url.username),
    secretAccessKey: decodeURIComponent(url.password),
    bucket: decodeURIComponent(bucket),
    prefix: rest.length ? `${rest.map(decodeURIComponent).join("/")}/` : "",
  };
}

/** The object storage configured, or null for the database. */
export function s3Config({ S3_URL } = config()): S3Config | null {
  return S3_URL ? parseS3Url(S3_URL) : null;
}
