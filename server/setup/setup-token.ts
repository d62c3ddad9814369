import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret } from "../config";

/**
 * The one-time link of a first run: while no admin exists, the server prints
 * /setup?token=… and only that page, with that token, may start the province and create the
 * first admin (as self-hosted apps do for their first account). A token is a random nonce and
 * its HMAC under AUTH_SECRET, so every instance of one deployment accepts it without storing
 * it; it stops working for good once an admin exists, since setup is then refused whatever
 * the token.
 */
const PURPOSE = "chungtay:setup";

const mac = (nonce: string) => createHmac("sha256", authSecret()).update(`${PURPOSE}:${nonce}`).digest("base64url");

export function issueSetupToken(): string {
  const nonce = randomBytes(18).toString("base64url");
  return `${nonce}.${mac(nonce)}`;
}

/** Whether the token is one this deployment issued; false for anything malformed. */
export function isSetupToken(token: unknown): boolean {
  if (typeof token !== "string" || token.length > 200) return false;
  const [nonce, signature, extra] = token.split(".");
  if (!nonce || !signature || extra !== undefined) return false;
  const expected = Buffer.from(mac(nonce));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
