import { searchable } from "@/lib/search-text";
import type { Db } from "../db/client";
import { authorize } from "../policies";
import type { Actor } from "../policies/actor";
import { loadVisiblePlan } from "../plans/load-visible-plan";
import { planViewers } from "../plans/plan-viewers";
import { escapeLike, handleOf } from "./mentions";

/** The lookup lists this many people at most: a name typed further narrows it. */
export const MENTION_CANDIDATES = 8;

/**
 * The people a comment on the plan can mention, for what is typed after "@": active users who
 * may see the plan (the rule that decides whom a mention notifies), whose name contains every
 * word typed, accents ignored ("nguyen van" finds "Nguyễn Văn An"), or whose handle starts with
 * it. Only someone who may comment on the plan may look.
 */
export async function mentionCandidates(db: Db, actor: Actor, planId: string, query: string) {
  const plan = await loadVisiblePlan(db, actor, planId);
  authorize(actor, "plan.comment", plan);
  const words = searchable(query).split(/\s+/).filter(Boolean).map(escapeLike);
  const byName = { AND: words.map((word) => ({ searchName: { contains: word } })) };
  const people = await planViewers(
    db,
    plan,
    {
      id: { not: actor.userId },
      ...(words.length ? { OR: [byName, ...(words.length === 1 ? [{ email: { startsWith: words[0] } }] : [])] } : {}),
    },
    { take: MENTION_CANDIDATES, orderBy: [{ name: "asc" }, { id: "asc" }] },
  );
  return people.map((person) => ({
    id: person.userId,
    name: person.name,
    handle: handleOf(person.email),
    unitName: person.memberships.at(-1)?.unitName ?? null,
  }));
}
