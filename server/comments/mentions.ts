import type { Db } from "../db/client";
import { invalidFields } from "../errors";
import { type PlanResource, can } from "../policies";
import { actorSelect, toActor } from "../policies/actor";

/** A comment names at most this many people; each is a notification. */
export const MAX_MENTIONS_PER_COMMENT = 20;

/** SQL LIKE reads `_` and `%` as wildcards (and `\` as their escape): here they are letters. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, "\\$&");

/** The distinct handles a comment names ("@canbo.xa"), lower-cased, in order. */
export function mentionedHandles(body: string): string[] {
  return [...new Set([...body.matchAll(/(?:^|\s)@([a-z0-9._-]+)/gi)].map((m) => m[1]!.toLowerCase()))];
}

/**
 * "@canbo.xa" names the user whose email starts with "canbo.xa@". Only people who may see the
 * plan can be mentioned; other names stay plain text. More than `MAX_MENTIONS_PER_COMMENT`
 * names is refused on the body field rather than notifying a crowd.
 */
export async function resolveMentions(db: Db, body: string, plan: PlanResource) {
  const handles = mentionedHandles(body);
  if (!handles.length) return [];
  if (handles.length > MAX_MENTIONS_PER_COMMENT) throw invalidFields({ body: ["validation.tooManyMentions"] });
  const users = await db.user.findMany({
    where: { OR: handles.map((h) => ({ email: { startsWith: `${escapeLike(h)}@` } })), disabledAt: null },
    select: actorSelect,
  });
  return users.map(toActor).filter((user) => can(user, "plan.view", plan));
}
