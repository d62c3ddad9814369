import type { Db } from "../db/client";
import { invalidFields } from "../errors";
import type { PlanResource } from "../policies";
import type { Actor } from "../policies/actor";
import { planViewers } from "../plans/plan-viewers";

/** A comment names at most this many people; each is a notification. */
export const MAX_MENTIONS_PER_COMMENT = 20;

/** Why a name in a comment notifies nobody: no such user, their account is disabled, or they cannot see the plan. */
export type UnnotifiedReason = "unknown" | "disabled" | "cannotView";
export interface UnnotifiedMention {
  handle: string;
  reason: UnnotifiedReason;
}

/** SQL LIKE reads `_` and `%` as wildcards (and `\` as their escape): here they are letters. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** A user's handle: what comes before the @ of their email ("canbo.xa" for canbo.xa@chungtay.vn). */
export const handleOf = (email: string) => email.slice(0, email.indexOf("@")).toLowerCase();

/** The handles a pattern of `@name` tokens matches in a comment. */
export const MENTION_PATTERN = /(?:^|\s)@([a-z0-9._-]+)/gi;

/** The distinct handles a comment names ("@canbo.xa"), lower-cased, in order. */
export function mentionedHandles(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION_PATTERN)].map((m) => m[1]!.toLowerCase()))];
}

const byHandle = (handle: string) => ({ email: { startsWith: `${escapeLike(handle)}@` } });

/**
 * "@canbo.xa" names the user whose email starts with "canbo.xa@". Only active users who may
 * see the plan are notified (`planViewers`, the rule the mention lookup offers people by);
 * every other name comes back with the reason, so that the author is told rather than the
 * name being dropped in silence. More than `MAX_MENTIONS_PER_COMMENT` names is refused on the
 * body field rather than notifying a crowd.
 */
export async function resolveMentions(
  db: Pick<Db, "user">,
  body: string,
  plan: PlanResource,
): Promise<{ notified: Actor[]; unnotified: UnnotifiedMention[] }> {
  const handles = mentionedHandles(body);
  if (!handles.length) return { notified: [], unnotified: [] };
  if (handles.length > MAX_MENTIONS_PER_COMMENT) throw invalidFields({ body: ["validation.tooManyMentions"] });
  const notified = await planViewers(db, plan, { OR: handles.map(byHandle) });
  const reached = new Set(notified.map((user) => handleOf(user.email)));
  const missed = handles.filter((handle) => !reached.has(handle));
  if (!missed.length) return { notified, unnotified: [] };
  const named = await db.user.findMany({
    where: { OR: missed.map(byHandle) },
    select: { email: true, disabledAt: true },
  });
  const unnotified = missed.map((handle): UnnotifiedMention => {
    const users = named.filter((user) => handleOf(user.email) === handle);
    const reason = !users.length ? "unknown" : users.every((user) => user.disabledAt) ? "disabled" : "cannotView";
    return { handle, reason };
  });
  return { notified, unnotified };
}
