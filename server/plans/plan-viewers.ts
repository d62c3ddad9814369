import type { Db } from "../db/client";
import type { Prisma } from "../db/generated/client";
import { type PlanResource, can, planViewersWhere } from "../policies";
import { type Actor, actorSelect, toActor } from "../policies/actor";

/**
 * The active users among `where` who may view the plan: those a mention notifies and the
 * mention lookup offers. One rule for both: the policy's filter narrows the query and
 * `can("plan.view")` decides each user, so the list and the notifications cannot disagree.
 */
export async function planViewers(
  db: Pick<Db, "user">,
  plan: PlanResource,
  where: Prisma.UserWhereInput,
  options: { take?: number; orderBy?: Prisma.UserOrderByWithRelationInput[] } = {},
): Promise<Actor[]> {
  const users = await db.user.findMany({
    where: { AND: [where, { disabledAt: null }, planViewersWhere(plan)] },
    select: actorSelect,
    ...options,
  });
  return users.map(toActor).filter((user) => can(user, "plan.view", plan));
}
