import type { Actor } from "../policies/actor";

/** What a connection carries once authenticated (see Authentication). */
export interface CollabContext {
  actor: Actor;
  planId: string;
  /** Set when the user's rights on the document changed: whatever this connection still sends is refused. */
  revoked?: boolean;
}
