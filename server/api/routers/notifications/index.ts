import { z } from "zod";
import { countUnread, listNotifications, markRead } from "../../../notifications/notifications";
import { createTRPCRouter, protectedProcedure } from "../../trpc";

export const notificationsRouter = createTRPCRouter({
  list: protectedProcedure.query(({ ctx }) => listNotifications(ctx.db, ctx.actor)),
  unreadCount: protectedProcedure.query(({ ctx }) => countUnread(ctx.db, ctx.actor)),
  markRead: protectedProcedure
    .input(z.object({ ids: z.array(z.string().min(1).max(64)).max(200).optional() }))
    .mutation(({ ctx, input }) => markRead(ctx.db, ctx.actor, input.ids)),
});
