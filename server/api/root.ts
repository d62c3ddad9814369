import { budgetRouter } from "./routers/budget";
import { commentsRouter } from "./routers/comments";
import { criteriaRouter } from "./routers/criteria";
import { dashboardRouter } from "./routers/dashboard";
import { evidenceRouter } from "./routers/evidence";
import { milestonesRouter } from "./routers/milestones";
import { planningRouter } from "./routers/planning";
import { shortagesRouter } from "./routers/shortages";
import { targetsRouter } from "./routers/targets";
import { documentsRouter } from "./routers/documents";
import { importsRouter } from "./routers/imports";
import { liveRouter } from "./routers/live";
import { notificationsRouter } from "./routers/notifications";
import { plansRouter } from "./routers/plans";
import { unitsRouter } from "./routers/units";
import { workflowRouter } from "./routers/workflow";
import { createCallerFactory, createTRPCRouter, protectedProcedure } from "./trpc";

export const appRouter = createTRPCRouter({
  /** The signed-in user with their roles and units. */
  me: protectedProcedure.query(({ ctx }) => ctx.actor),
  units: unitsRouter,
  plans: plansRouter,
  documents: documentsRouter,
  workflow: workflowRouter,
  comments: commentsRouter,
  live: liveRouter,
  notifications: notificationsRouter,
  planning: planningRouter,
  targets: targetsRouter,
  milestones: milestonesRouter,
  budget: budgetRouter,
  shortages: shortagesRouter,
  evidence: evidenceRouter,
  criteria: criteriaRouter,
  dashboard: dashboardRouter,
  imports: importsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
