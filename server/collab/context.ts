import type { CollabMode } from "@/lib/collab/messages";
import type { Actor } from "../policies/actor";

/** What a connection carries once authenticated (see Authentication). */
export interface CollabContext {
  actor: Actor;
  planId: string;
  /** What the connection may do to the text (see CollabMode); "read" connections are read-only. */
  mode: CollabMode;
  /** Set when the user's rights on the document changed: whatever this connection still sends is refused. */
  revoked?: boolean;
}
