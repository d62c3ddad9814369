import "server-only";
import { HydrationBoundary, dehydrate } from "@tanstack/react-query";
import { TRPCError } from "@trpc/server";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { notFound, redirect } from "next/navigation";
import { cache, type ReactNode } from "react";
import { makeQueryClient } from "@/lib/trpc/query-client";
import { createContext } from "./context";
import { appRouter, createCaller } from "./root";

/** Server components prefetch through the same routers (and so the same rights) as the browser. */
const getContext = cache(createContext);
export const getQueryClient = cache(makeQueryClient);
export const trpc = createTRPCOptionsProxy({ ctx: getContext, router: appRouter, queryClient: getQueryClient });
/** The signed-in user's caller; a signed-out visitor is sent to the sign-in page. */
export const getCaller = cache(async () => {
  const context = await getContext();
  if (!context.actor) redirect("/sign-in");
  return createCaller(context);
});

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

/** Runs a server-side call, turning "not found / not allowed" into the 404 page and an expired session into the sign-in page. */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    if (error instanceof TRPCError && error.code === "UNAUTHORIZED") redirect("/sign-in");
    throw error;
  }
}
